import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { InvalidInputError } from '@harbour/common';
import type { PageDto, SearchHitDto } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';
import type { SearchQueryDto } from './search.dto';
import { decodeEntities } from '@harbour/forum';
import { MATCH_END, MATCH_START, snippetHtml } from './snippet';

/** How deep offset pages go: past this, refine the query. */
const MAX_OFFSET = 180;
/** How many of the newest matching posts (and topic titles) are ranked; see the query. */
const CANDIDATES = 200;
const TITLE_CANDIDATES = 100;

interface HitRow {
  post_id: string;
  topic_id: string;
  category_id: string;
  title: string;
  created_at: Date;
  content_warning: string | null;
  headline: string;
  u_id: string;
  u_username: string;
  u_display_name: string;
  u_role: SearchHitDto['author']['role'];
  u_created_at: Date;
}

/**
 * Full-text search over posts and topic titles, in English and French at once: the query is stemmed both
 * ways and matched against each post's own language. Access is part of the SQL (the caller's visible
 * categories), so a page never holds, or counts, anything the caller may not see. Deleted and hidden
 * posts are never found.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async search(caller: Caller | null, query: SearchQueryDto): Promise<PageDto<SearchHitDto>> {
    const limit = query.limit ?? 20;
    const offset = decodeOffset(query.cursor);
    const settings = await this.settings.get();
    const visible = this.access.visibleCategories(caller, settings, 'c');
    const categoryFilters: string[] = [];
    if (query.categoryId) categoryFilters.push('(c.id = :categoryId OR c.parent_id = :categoryId)');
    if (query.groupId) categoryFilters.push('c.group_id = :groupId');
    const postFilters: string[] = [];
    if (query.author) postFilters.push('u.username_key = :author');
    if (query.after) postFilters.push('p.created_at >= :after');
    if (query.before) postFilters.push('p.created_at < :before');
    // The query is parsed first, so that the planner sees the actual words: it then walks the newest posts
    // for a common word and the GIN index for a rare one.
    const [parsed] = await this.dataSource.query<{ tsquery: string }[]>(
      `SELECT (websearch_to_tsquery('english', $1) || websearch_to_tsquery('french', $1))::text AS tsquery`,
      [query.q],
    );
    const tsquery = parsed?.tsquery ?? '';
    if (!tsquery) return { items: [], nextCursor: null };
    const sql = `
      WITH hits AS (
        -- Ranked among the newest CANDIDATES matches the caller may see: a word in half the forum does not
        -- make every search rank half the forum. Fewer matches are all ranked.
        SELECT x.id, ts_rank_cd(x.search_vector, CAST(:tsquery AS tsquery)) AS rank FROM (
          SELECT p.id, p.search_vector
            FROM posts p JOIN users u ON u.id = p.author_id
           WHERE p.search_vector @@ CAST(:tsquery AS tsquery) AND p.deleted_at IS NULL AND p.hidden = false
             AND EXISTS (SELECT 1 FROM topics t JOIN categories c ON c.id = t.category_id
                          WHERE t.id = p.topic_id AND ${visible.where} ${categoryFilters.map((filter) => `AND ${filter}`).join(' ')})
             ${postFilters.map((filter) => `AND ${filter}`).join(' ')}
           ORDER BY p.created_at DESC LIMIT ${CANDIDATES}) x
        UNION ALL
        -- A topic whose title matches is found through its first post, and ranks above a body match.
        SELECT p.id, 2 * ts_rank_cd(x.search_vector, CAST(:tsquery AS tsquery)) FROM (
          SELECT t.id, t.search_vector
            FROM topics t JOIN categories c ON c.id = t.category_id
           WHERE t.search_vector @@ CAST(:tsquery AS tsquery) AND ${visible.where} ${categoryFilters.map((filter) => `AND ${filter}`).join(' ')}
           ORDER BY t.last_post_at DESC LIMIT ${TITLE_CANDIDATES}) x
          JOIN posts p ON p.topic_id = x.id AND p.number = 1 AND p.deleted_at IS NULL AND p.hidden = false
          JOIN users u ON u.id = p.author_id
         WHERE TRUE ${postFilters.map((filter) => `AND ${filter}`).join(' ')}
      ),
      best AS (SELECT id, max(rank) AS rank FROM hits GROUP BY id),
      page AS (
        SELECT p.id AS post_id, p.topic_id, t.category_id, t.title, p.created_at, p.html, p.content_warning, p.language, b.rank,
               u.id AS u_id, u.username AS u_username, u.display_name AS u_display_name, u.role AS u_role,
               u.created_at AS u_created_at
          FROM best b
          JOIN posts p ON p.id = b.id
          JOIN topics t ON t.id = p.topic_id
          JOIN users u ON u.id = p.author_id
         ORDER BY b.rank DESC, p.created_at DESC, p.id
        OFFSET :offset LIMIT :limit
      )
      -- The snippet is cut from the rendered HTML with its tags taken out: no Markdown, and censored words
      -- stay censored. A post behind a content warning shows the warning, never its words.
      SELECT page.*, CASE WHEN page.content_warning IS NULL THEN ts_headline(
               CASE WHEN page.language = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END,
               translate(regexp_replace(page.html, '<[^>]*>', ' ', 'g'), :marks, ''), CAST(:tsquery AS tsquery), :headlineOptions)
             ELSE '' END AS headline
        FROM page
       ORDER BY page.rank DESC, page.created_at DESC, page.post_id`;
    const params = {
      ...visible.params,
      tsquery,
      categoryId: query.categoryId,
      groupId: query.groupId,
      author: query.author?.toLowerCase(),
      after: query.after,
      before: query.before,
      offset,
      limit: limit + 1,
      marks: MATCH_START + MATCH_END,
      headlineOptions: `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`,
    };
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows: HitRow[] = await this.dataSource.query(text, values);
    const hits = rows.slice(0, limit).map((row) => ({
      topicId: row.topic_id,
      postId: row.post_id,
      categoryId: row.category_id,
      title: row.title,
      snippet: row.content_warning === null ? snippetHtml(decodeEntities(row.headline).replace(/\s+/g, ' ').trim()) : '',
      contentWarning: row.content_warning,
      author: {
        id: row.u_id,
        username: row.u_username,
        displayName: row.u_display_name,
        role: row.u_role,
        createdAt: row.u_created_at.toISOString(),
      },
      createdAt: row.created_at.toISOString(),
    }));
    const next = offset + limit;
    return { items: hits, nextCursor: rows.length > limit && next <= MAX_OFFSET ? encodeOffset(next) : null };
  }
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

/** A search cursor is an offset (ranks are not a stable key); a tampered one is a 400 naming the field. */
function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^o(\d{1,4})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(offset) || offset > MAX_OFFSET) throw new InvalidInputError('cursor is invalid');
  return offset;
}
