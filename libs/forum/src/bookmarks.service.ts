import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { decodeCursor, encodeCursor } from '@harbour/common';
import type { BookmarkDto, PageDto } from '@harbour/contracts';
import { ForumLookup } from './forum-lookup.service';
import { ForumViews } from './forum-views';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';

/** The Bookmarks page: a member's bookmarked posts, newest bookmark first, each with its topic. */
@Injectable()
export class BookmarksService {
  constructor(
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
    private readonly posts: PostRepository,
    private readonly memberState: MemberStateRepository,
  ) {}

  /**
   * Only posts the member may still see: in a category they may see (a group space they left drops out),
   * in a topic they may see (a support desk's are its author's and moderators'), and as a post not held for review unless theirs or moderated by them. A hidden post stays
   * listed as the topic page shows it (blank to those who may not see hidden posts).
   */
  async page(caller: Caller, query: { cursor?: string; limit?: number }): Promise<PageDto<BookmarkDto>> {
    const site = await this.lookup.site();
    const limit = query.limit ?? 20;
    const scopes = [
      this.access.visibleCategories(caller, site, 'c'),
      this.access.visibleTopics(caller, 't', 'c'),
      // The same rule for a held post as for a held topic (both have pending_review and author_id).
      this.access.visibleHeldTopics(caller, 'p', 'c'),
    ];
    const rows = await this.posts.bookmarkPage(caller.userId, scopes, decodeCursor(query.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const extras = await this.memberState.extras(
      caller.userId,
      page.map((row) => row.post.id),
    );
    const items = page.flatMap(({ post }) => {
      const topic = post.topic;
      if (!topic?.category) return [];
      return [
        { ...this.views.post(caller, post, topic.category, site, extras), topic: { id: topic.id, title: topic.title, slug: topic.slug } },
      ];
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.bookmarkedAt.toISOString(), id: last.post.id }) : null,
    };
  }
}
