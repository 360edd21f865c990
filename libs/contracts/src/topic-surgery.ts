/** Topic surgery (api.md 1.1, "Categories and topics, for staff"): split, merge, and the notices they leave. */

export interface SplitTopicBody {
  /** The posts to move; their replies (and the replies' replies) move with them. */
  postIds: string[];
  title: string;
  /** Where the new topic goes; the old topic's category when absent. */
  categoryId?: string;
}

export interface MergeTopicBody {
  intoTopicId: string;
}

/**
 * What a notice in a thread says: `moved` (the topic changed category), `split_to` (posts left for another
 * topic), `split_from` (this topic was split from another) or `merged_from` (another topic's posts came in).
 */
export const TOPIC_NOTICE_KINDS = ['moved', 'split_to', 'split_from', 'merged_from'] as const;
export type TopicNoticeKind = (typeof TOPIC_NOTICE_KINDS)[number];

export interface TopicNoticeDto {
  id: string;
  kind: TopicNoticeKind;
  createdAt: string;
  /** How many posts moved (split and merge); null for a category move. */
  postCount: number | null;
  /**
   * The other topic, only when the reader may see it (else null: "another topic"); `id` is null for a topic
   * merged away (its title as it was, shown to readers of its former space).
   */
  otherTopic: { id: string | null; title: string } | null;
  /** The category a topic was moved from, only when the reader may see it. */
  fromCategory: { id: string; name: string } | null;
}
