import type { PageQuery, UserDto } from './accounts';

export interface SearchHitDto {
  topicId: string;
  postId: string;
  title: string;
  /**
   * An HTML-escaped excerpt of the post's text (as rendered: no Markdown) with the matched words wrapped
   * in `<mark>`; nothing else in it is markup, so a client may render it as HTML.
   */
  snippet: string;
  /** The post's content warning: when set, the snippet is empty and a client shows the warning instead. */
  contentWarning: string | null;
  /** null for an anonymous post (api.md 1.1): its `anonymousLabel` stands in. */
  author: UserDto | null;
  anonymousLabel?: string;
  /** The caller blocked the author: a client collapses the hit (see PostDto.blockedAuthor). */
  blockedAuthor: boolean;
  createdAt: string;
  categoryId: string;
}

/** `GET /api/search`: dates are ISO 8601; `cursor` and `limit` page as everywhere. */
export interface SearchQuery extends PageQuery {
  /** Words, "quoted phrases", -excluded and `or`. */
  q: string;
  categoryId?: string;
  groupId?: string;
  /** A username. */
  author?: string;
  after?: string;
  before?: string;
}
