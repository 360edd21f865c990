import type { ConversationCan, ConversationDto, GroupDto, MessageDto, UserDto } from '@harbour/contracts';
import type { ConversationRow } from './conversation.repository';
import type { MessageRow } from './message.repository';

export function toConversationDto(
  row: ConversationRow,
  extras: { participants: UserDto[]; group: GroupDto | null; can: ConversationCan },
): ConversationDto {
  return {
    id: row.id,
    subject: row.subject,
    participants: extras.participants,
    group: extras.group,
    lastMessageAt: row.last_message_at.toISOString(),
    unreadCount: Math.max(0, row.message_count - row.last_read_number),
    messageCount: row.message_count,
    can: extras.can,
  };
}

/** A deleted member's message (their words erased with their account) shows no author and no words. */
export function toMessageDto(row: MessageRow, blockedAuthor: boolean): MessageDto {
  const erased = row.deleted_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    author: erased ? null : row.author,
    body: erased ? '' : row.body,
    html: erased ? '' : row.html,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    blockedAuthor: !erased && blockedAuthor,
  };
}
