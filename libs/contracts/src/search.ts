import type { UserDto } from './accounts';

export interface SearchHitDto {
  topicId: string;
  postId: string;
  title: string;
  /**
   * An HTML-escaped excerpt of the post with the matched words wrapped in `<mark>`; nothing else in it
   * is markup, so a client may render it as HTML.
   */
  snippet: string;
  author: UserDto;
  createdAt: string;
  categoryId: string;
}
