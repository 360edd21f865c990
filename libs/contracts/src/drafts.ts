/**
 * Where a draft is kept (`PUT /api/drafts/:key`): a reply in a topic, a new topic in a category, a message in a
 * conversation, or a new conversation.
 */
export type DraftKeyString = `topic:${string}` | `new-topic:${string}` | `conversation:${string}` | 'new-conversation';

/** `PUT /api/drafts/:key`: the composer's text as it stands (saved again as the member types). */
export interface SaveDraftBody {
  body: string;
  /** A new topic's title (or a new conversation's subject). */
  title?: string;
  contentWarning?: string;
}

/** `GET /api/drafts/:key`: the member's own draft, from whichever device saved it last. */
export interface DraftDto {
  key: DraftKeyString;
  body: string;
  title: string | null;
  contentWarning: string | null;
  /** ISO date of the last save. */
  updatedAt: string;
}
