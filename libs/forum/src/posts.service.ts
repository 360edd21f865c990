import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { MemberCallers } from '@harbour/accounts';
import { InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import type { PostDto, RevisionDto, TopicPostsPageDto, TopicPostsQuery } from '@harbour/contracts';
import { ForumLookup } from './forum-lookup.service';
import { NO_POST_CAN, toPostDto } from './forum.mappers';
import { ForumViews } from './forum-views';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { TopicPageCache } from './topic-page.cache';
import { TopicPageRepository, type PageWindow } from './topic-page.repository';
import { decodePostCursor, encodePostCursor } from './topic-cursor';

/** Reading posts: a topic's pages, one post, its history, the caller's bookmarks, live views for socket rooms. */
@Injectable()
export class PostsService {
  constructor(
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
    private readonly posts: PostRepository,
    private readonly topicPages: TopicPageRepository,
    private readonly memberState: MemberStateRepository,
    private readonly members: MemberCallers,
    private readonly pageCache: TopicPageCache,
  ) {}

  /**
   * A page of a topic's posts in reading order (after a cursor, around a number or just before one; see
   * PageWindow): at most two queries (the page, the reader's marks and blocks), whatever its size.
   */
  async listInTopic(caller: Caller | null, topicId: string, query: TopicPostsQuery): Promise<TopicPostsPageDto> {
    const limit = query.limit ?? 20;
    const window = pageWindow(query);
    // The cache holds only what every reader sees (never a `can`, which is computed below per caller).
    const page = isUuid(topicId)
      ? await this.pageCache.read(topicId, window, limit + 1, () => this.topicPages.read(topicId, window, limit + 1))
      : null;
    const category = page?.topic?.category;
    const site = await this.lookup.site();
    if (!page?.topic || !category || !this.access.can(caller, { action: 'topic.see', category, site, topic: page.topic }))
      throw new NotFoundError();
    const seesHeld = (authorId: string) => this.access.can(caller, { action: 'held.see', category, authorId });
    if (page.topic?.pendingReview && !seesHeld(page.topic.authorId)) throw new NotFoundError();
    // A post held for review does not exist for others: not even a placeholder says something is waiting.
    // Held replies have no number yet and come with the last page only (see TopicPageRepository.read).
    const numbered = page.posts.filter((post) => post.number !== null);
    const more = numbered.length > limit;
    const slice = more ? numbered.slice(0, limit) : page.posts;
    const last = slice[slice.length - 1]; // the cursor moves past held posts too
    const posts = slice.filter((post) => !post.pendingReview || seesHeld(post.authorId));
    const marks =
      caller && (page.markers.has(caller.userId) || page.blockers.has(caller.userId))
        ? await this.topicPages.viewerMarks(
            caller.userId,
            posts.map((post) => post.id),
          )
        : { mine: new Map<string, string[]>(), bookmarked: new Set<string>(), blockedAuthors: new Set<string>() };
    const extras = { reactions: page.reactions, ...marks };
    return {
      items: posts.map((post) => this.views.post(caller, post, category, site, extras)),
      // A page read upwards continues down like any other, so a reload of every loaded page can walk down from it.
      nextCursor: (more || page.later) && last?.number ? encodePostCursor(last.number) : null,
      before: page.earlier ? page.start : null,
    };
  }

  /**
   * Posts as every reader in their topic's socket room may see them (they all passed the topic's access
   * check): no reader's own marks nor `can`, and a hidden post blanked (as for a visitor), so that hiding
   * one takes its words off every open page at once.
   */
  async viewsForRoom(ids: string[]): Promise<Map<string, PostDto>> {
    const posts = await this.posts.findWithAuthors(ids, { held: false });
    const extras = await this.memberState.extras(
      null,
      posts.map((post) => post.id),
    );
    return new Map(posts.map((post) => [post.id, toPostDto(post, { extras, can: NO_POST_CAN, seesHidden: false })]));
  }

  async get(caller: Caller | null, id: string): Promise<PostDto> {
    const { post, category, site } = await this.lookup.post(caller, id);
    return this.views.post(caller, post, category, site, await this.memberState.extras(caller?.userId ?? null, [post.id]));
  }

  /**
   * Earlier bodies, newest first. A deleted or hidden post's history is for those who may see hidden posts
   * (its space's moderators; a hidden post's author). Each says who edited by standing. A moderator's edit
   * does not name them ("edited by a moderator": they are harassed elsewhere), except to those who
   * moderate the space.
   */
  async revisions(caller: Caller | null, id: string): Promise<{ items: RevisionDto[] }> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    const mayRead = (!post.hidden && !ref.deleted) || this.access.can(caller, { action: 'post.seeHidden', category, site, post: ref });
    if (!mayRead) return { items: [] };
    const rows = await this.posts.revisions(post.id);
    const moderating = this.access.can(caller, { action: 'topic.moderate', category, site });
    const others = [...new Set(rows.map((row) => row.editorId).filter((editorId) => editorId !== post.authorId))];
    // Only a moderator may edit someone else's post, except a wiki, which any member who may reply edits:
    // there, each editor is asked the same question as a moderator now (their role may have changed since).
    let moderators = new Set(others);
    if (post.wiki && others.length > 0) {
      const editors = await this.members.load(others, { anyStatus: true });
      moderators = new Set(
        others.filter((editorId) => this.access.can(editors.get(editorId) ?? null, { action: 'topic.moderate', category, site })),
      );
    }
    return {
      items: rows.map((row) => {
        const editedBy = row.editorId === post.authorId ? 'author' : moderators.has(row.editorId) ? 'moderator' : 'member';
        // A member's wiki edit is their own public contribution, named like a post; a moderator's is not.
        // The author's own edit of an anonymous post names nobody, to anyone (api.md 1.1).
        const named = (editedBy !== 'moderator' || moderating) && !(editedBy === 'author' && post.anonymousNumber !== null);
        return { body: row.body, editedAt: row.editedAt.toISOString(), editorId: named ? row.editorId : null, editedBy };
      }),
    };
  }
}

/** Which stretch of the topic a query asks for: one way at a time, or the reader could not tell which page it got. */
function pageWindow(query: TopicPostsQuery): PageWindow {
  const forward = query.after !== undefined || query.cursor !== undefined;
  if (query.around !== undefined) {
    if (forward || query.before !== undefined) throw new InvalidInputError('around cannot be combined with after, before or cursor');
    return { around: query.around };
  }
  if (query.before !== undefined) {
    if (forward) throw new InvalidInputError('before cannot be combined with after or cursor');
    return { before: query.before };
  }
  return { after: query.after ?? decodePostCursor(query.cursor) };
}
