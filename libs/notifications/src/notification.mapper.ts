import { userDtoFromRow } from '@harbour/accounts';
import type { NotificationDto } from '@harbour/contracts';
import type { NotificationRow } from './notification.repository';

/** The fields of a notification that leave the server. */
export function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    // A moderation decision is the moderators', not one person's: who made it is not shown.
    actor: row.type !== 'moderation' && row.actor_id ? userDtoFromRow(row, 'actor_') : null,
    ...(row.topic_id ? { topicId: row.topic_id } : {}),
    ...(row.post_id ? { postId: row.post_id } : {}),
    ...(row.group_id ? { groupId: row.group_id } : {}),
    ...(row.conversation_id ? { conversationId: row.conversation_id } : {}),
    data: {
      count: row.count,
      ...(row.topic_title ? { topicTitle: row.topic_title } : {}),
      // Wherever a notification shows (list, toast, email, digest), a post's warning stands for its words.
      ...(row.content_warning ? { contentWarning: row.content_warning } : {}),
      ...(row.group_name ? { groupName: row.group_name } : {}),
      ...(row.group_slug ? { groupSlug: row.group_slug } : {}),
      ...(row.data.emoji ? { emoji: row.data.emoji } : {}),
      ...(row.data.outcome ? { outcome: row.data.outcome } : {}),
      ...(row.data.sanctionId ? { sanctionId: row.data.sanctionId } : {}),
      ...(row.data.response ? { response: row.data.response } : {}),
      ...(row.data.reason ? { reason: row.data.reason } : {}),
      ...(row.conversation_subject ? { subject: row.conversation_subject } : {}),
    },
  };
}
