import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { InvalidInputError } from '@harbour/common';
import type { PageDto, SearchHitDto } from '@harbour/contracts';
import { decodeEntities, PostSearchRepository } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';
import type { SearchQueryDto } from './search.dto';
import { MATCH_END, MATCH_START, snippetHtml } from './snippet';

/** How deep offset pages go: past this, refine the query. */
const MAX_OFFSET = 180;

/**
 * Full-text search over posts and topic titles, in English and French at once: the query is stemmed both
 * ways and matched against each post's own language. Access is part of the SQL (the caller's visible
 * categories, given to forum's PostSearchRepository, which holds the query), so a page never holds, or
 * counts, anything the caller may not see. Deleted and hidden posts are never found.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly posts: PostSearchRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async search(caller: Caller | null, query: SearchQueryDto): Promise<PageDto<SearchHitDto>> {
    const limit = query.limit ?? 20;
    const offset = decodeOffset(query.cursor);
    const settings = await this.settings.get();
    const tsquery = await this.posts.parseQuery(query.q);
    if (!tsquery) return { items: [], nextCursor: null };
    // Categories the caller sees, and there the topics they see (a support desk's, a held one's: topic.see, held.see).
    const categories = this.access.visibleCategories(caller, settings, 'c');
    const topics = this.access.visibleTopics(caller, 't', 'c');
    const rows = await this.posts.search({
      tsquery,
      visible: { where: `(${categories.where} AND ${topics.where})`, params: { ...categories.params, ...topics.params } },
      viewerId: caller?.userId ?? null,
      categoryId: query.categoryId,
      groupId: query.groupId,
      author: query.author?.toLowerCase(),
      after: query.after,
      before: query.before,
      offset,
      limit: limit + 1,
      marks: { start: MATCH_START, end: MATCH_END },
    });
    const hits = rows.slice(0, limit).map((row) => ({
      topicId: row.topicId,
      postId: row.postId,
      categoryId: row.categoryId,
      title: row.title,
      snippet: row.contentWarning === null ? snippetHtml(decodeEntities(row.headline).replace(/\s+/g, ' ').trim()) : '',
      contentWarning: row.contentWarning,
      author: row.author,
      ...(row.anonymousLabel === undefined ? {} : { anonymousLabel: row.anonymousLabel }),
      blockedAuthor: row.blockedAuthor,
      createdAt: row.createdAt.toISOString(),
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
