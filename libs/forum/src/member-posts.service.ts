import { Injectable } from '@nestjs/common';
import { AccessService, type Caller, type SiteRules, type SqlScope } from '@harbour/access';
import { decodeCursor, encodeCursor, type CursorPosition } from '@harbour/common';
import type { PageDto, ProfilePostDto } from '@harbour/contracts';
import { ForumViews } from './forum-views';
import { MemberPostsRepository } from './member-posts.repository';
import { MemberStateRepository } from './member-state.repository';

/**
 * What a member's profile shows of their posts to one caller: only posts in categories (and support-desk topics) the caller may see,
 * never a hidden, held or deleted one, and a count made by the same condition.
 */
@Injectable()
export class MemberPosts {
  constructor(
    private readonly posts: MemberPostsRepository,
    private readonly memberState: MemberStateRepository,
    private readonly views: ForumViews,
    private readonly access: AccessService,
  ) {}

  count(caller: Caller | null, site: SiteRules, authorId: string): Promise<number> {
    return this.posts.count(authorId, this.visible(caller, site));
  }

  async page(
    caller: Caller | null,
    site: SiteRules,
    authorId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<PageDto<ProfilePostDto>> {
    const limit = query.limit ?? 20;
    const after: CursorPosition | null = decodeCursor(query.cursor);
    const rows = await this.posts.page(authorId, this.visible(caller, site), after, limit + 1);
    const shown = rows.slice(0, limit);
    const extras = await this.memberState.extras(
      caller?.userId ?? null,
      shown.map(({ post }) => post.id),
    );
    const items = shown.flatMap(({ post }) => {
      const topic = post.topic;
      if (!topic?.category) return [];
      return [{ ...this.views.post(caller, post, topic.category, site, extras), topic: { id: topic.id, title: topic.title } }];
    });
    const last = shown[shown.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ at: last.at, id: last.post.id }) : null;
    return { items, nextCursor };
  }

  /** Categories the caller may see, and in a support desk only the topics they may see (topic.see). */
  private visible(caller: Caller | null, site: SiteRules): SqlScope {
    const categories = this.access.visibleCategories(caller, site, 'c');
    const desks = this.access.visibleDeskTopics(caller, 't', 'c');
    return { where: `(${categories.where} AND ${desks.where})`, params: { ...categories.params, ...desks.params } };
  }
}
