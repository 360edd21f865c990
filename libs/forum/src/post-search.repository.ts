import { anonymousLabel } from './forum.mappers';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import { blockedBy, joinUser, userColumns, userDtoFromRow, userHasUsername } from '@harbour/accounts';
import type { UserDto } from '@harbour/contracts';

/** How many of the newest matching posts (and topic titles) are ranked; see the query. */
const CANDIDATES = 200;
const TITLE_CANDIDATES = 100;

export interface PostSearchInput {
  /** A parsed query (parseQuery), never empty. */
  tsquery: string;
  /** What the caller may see, over the category alias `c`. */
  visible: SqlScope;
  /** The signed-in caller, whose blocks mark the hits (null for a visitor). */
  viewerId: string | null;
  categoryId?: string;
  groupId?: string;
  /** A username, lower-cased. */
  author?: string;
  after?: Date;
  before?: Date;
  offset: number;
  limit: number;
  /** Wrap each matched word of the headline (characters never found in the text). */
  marks: { start: string; end: string };
}

export interface PostSearchHit {
  postId: string;
  topicId: string;
  categoryId: string;
  title: string;
  createdAt: Date;
  contentWarning: string | null;
  /** Plain text with marked matches (still HTML-entity encoded); empty behind a content warning. */
  headline: string;
  /** null for an anonymous post (see anonymousLabel). */
  author: UserDto | null;
  anonymousLabel?: string;
  /** The caller blocked the author. */
  blockedAuthor: boolean;
}

/**
 * Full-text search over posts and topic titles: the SQL of libs/search's use case, here because it reads
 * forum's tables (README, "Each lib owns its tables"). Access is part of the SQL (`visible`), so a page
 * never holds, or counts, anything the caller may not see; deleted and hidden posts are never found.
 */
@Injectable()
export class PostSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The query stemmed in English and French at once, as text ('' when it has no word). Parsed first, so
   * that the planner sees the actual words: it then walks the newest posts for a common word and the GIN
   * index for a rare one.
   */
  async parseQuery(q: string): Promise<string> {
    const [parsed] = await this.dataSource.query<{ tsquery: string }[]>(
      `SELECT (websearch_to_tsquery('english', $1) || websearch_to_tsquery('french', $1))::text AS tsquery`,
      [q],
    );
    return parsed?.tsquery ?? '';
  }

  async search(input: PostSearchInput): Promise<PostSearchHit[]> {
    const categoryFilters: string[] = [];
    if (input.categoryId) categoryFilters.push('(c.id = :categoryId OR c.parent_id = :categoryId)');
    if (input.groupId) categoryFilters.push('c.group_id = :groupId');
    const postFilters: string[] = [];
    // An anonymous post is nobody's: searching a member's posts must not find it.
    if (input.author) postFilters.push(`${userHasUsername('u', 'author')} AND p.anonymous_number IS NULL`);
    if (input.after) postFilters.push('p.created_at >= :after');
    if (input.before) postFilters.push('p.created_at < :before');
    const inCategory = `${input.visible.where} ${categoryFilters.map((filter) => `AND ${filter}`).join(' ')}`;
    const ofPost = postFilters.map((filter) => `AND ${filter}`).join(' ');
    const sql = `
      WITH hits AS (
        -- Ranked among the newest CANDIDATES matches the caller may see: a word in half the forum does not
        -- make every search rank half the forum. Fewer matches are all ranked.
        SELECT x.id, ts_rank_cd(x.search_vector, CAST(:tsquery AS tsquery)) AS rank FROM (
          SELECT p.id, p.search_vector
            FROM posts p ${joinUser('u', 'p.author_id')}
           WHERE p.search_vector @@ CAST(:tsquery AS tsquery) AND p.deleted_at IS NULL AND p.hidden = false
             AND EXISTS (SELECT 1 FROM topics t JOIN categories c ON c.id = t.category_id WHERE t.id = p.topic_id AND ${inCategory})
             ${ofPost}
           ORDER BY p.created_at DESC LIMIT ${CANDIDATES}) x
        UNION ALL
        -- A topic whose title matches is found through its first post, and ranks above a body match.
        SELECT p.id, 2 * ts_rank_cd(x.search_vector, CAST(:tsquery AS tsquery)) FROM (
          SELECT t.id, t.search_vector
            FROM topics t JOIN categories c ON c.id = t.category_id
           WHERE t.search_vector @@ CAST(:tsquery AS tsquery) AND ${inCategory}
           ORDER BY t.last_post_at DESC LIMIT ${TITLE_CANDIDATES}) x
          JOIN posts p ON p.topic_id = x.id AND p.number = 1 AND p.deleted_at IS NULL AND p.hidden = false
          ${joinUser('u', 'p.author_id')}
         WHERE TRUE ${ofPost}
      ),
      best AS (SELECT id, max(rank) AS rank FROM hits GROUP BY id),
      page AS (
        SELECT p.id AS post_id, p.topic_id, t.category_id, t.title, p.created_at, p.html, p.content_warning, p.language, b.rank,
               p.anonymous_number,
               ${input.viewerId ? `p.anonymous_number IS NULL AND ${blockedBy('CAST(:viewerId AS uuid)', 'p.author_id')}` : 'false'} AS blocked_author,
               ${userColumns('u', 'u_')}
          FROM best b
          JOIN posts p ON p.id = b.id
          JOIN topics t ON t.id = p.topic_id
          ${joinUser('u', 'p.author_id')}
         ORDER BY b.rank DESC, p.created_at DESC, p.id
        OFFSET :offset LIMIT :limit
      )
      -- The snippet is cut from the rendered HTML with its tags taken out: no Markdown, and censored words
      -- stay censored. A post behind a content warning shows the warning, never its words. A picture or a
      -- file is mentioned (🖼 and its alt text, 📎 before its name), as in emails: never its address.
      SELECT page.*, CASE WHEN page.content_warning IS NULL THEN ts_headline(
               CASE WHEN page.language = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END,
               translate(regexp_replace(regexp_replace(regexp_replace(page.html,
                 '<img [^>]*alt="([^"]*)"[^>]*>', ' 🖼 \\1 ', 'g'), '<a [^>]*class="attachment"[^>]*>', ' 📎 ', 'g'),
                 '<[^>]*>', ' ', 'g'), :marks, ''), CAST(:tsquery AS tsquery), :headlineOptions)
             ELSE '' END AS headline
        FROM page
       ORDER BY page.rank DESC, page.created_at DESC, page.post_id`;
    const { start, end } = input.marks;
    const params = {
      ...input.visible.params,
      tsquery: input.tsquery,
      categoryId: input.categoryId,
      groupId: input.groupId,
      author: input.author,
      viewerId: input.viewerId,
      after: input.after,
      before: input.before,
      offset: input.offset,
      limit: input.limit,
      marks: start + end,
      headlineOptions: `StartSel=${start}, StopSel=${end}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`,
    };
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows = await this.dataSource.query<
      {
        post_id: string;
        topic_id: string;
        category_id: string;
        title: string;
        created_at: Date;
        content_warning: string | null;
        headline: string;
        blocked_author: boolean;
        anonymous_number: number | null;
      }[]
    >(text, values);
    return rows.map((row) => ({
      postId: row.post_id,
      topicId: row.topic_id,
      categoryId: row.category_id,
      title: row.title,
      createdAt: row.created_at,
      contentWarning: row.content_warning,
      headline: row.headline,
      ...(row.anonymous_number === null
        ? { author: userDtoFromRow(row, 'u_') }
        : { author: null, anonymousLabel: anonymousLabel(row.anonymous_number) }),
      blockedAuthor: row.blocked_author,
    }));
  }
}
