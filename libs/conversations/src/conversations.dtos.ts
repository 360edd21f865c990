import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, Length, MaxLength, ValidateBy } from 'class-validator';
import { CleanText, NoNul, Optional, PageQueryDto, SafeText } from '@harbour/common';
import {
  type AddParticipantBody,
  type ConversationsQuery,
  type CreateConversationBody,
  type EditMessageBody,
  type Exactly,
  type MessagesQuery,
  type ReadConversationBody,
  type SendMessageBody,
  MAX_PARTICIPANTS,
} from '@harbour/contracts';

/** As posts: long enough for anything a person writes by hand, far below the body limit. */
const MAX_BODY = 50_000;
const USERNAME = /^[A-Za-z0-9_.-]{1,30}$/;
const SLUG = /^[a-z0-9-]{1,40}$/;

/** `to`: 1 to MAX_PARTICIPANTS - 1 usernames, or `{ group: slug }` (exactly that key). */
function isRecipients(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length >= 1 && value.length < MAX_PARTICIPANTS && value.every((name) => typeof name === 'string' && USERNAME.test(name));
  }
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const group = (value as { group?: unknown }).group;
  return keys.length === 1 && typeof group === 'string' && SLUG.test(group);
}

export class CreateConversationDto implements Exactly<CreateConversationBody, CreateConversationDto> {
  @ValidateBy({
    name: 'isRecipients',
    validator: {
      validate: isRecipients,
      defaultMessage: () => `to must be 1 to ${MAX_PARTICIPANTS - 1} usernames, or { group: <slug> }`,
    },
  })
  to: string[] | { group: string };

  @CleanText() @IsString() @Length(1, 200) @SafeText() subject: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body: string;
}

export class ConversationsQueryDto extends PageQueryDto implements Exactly<ConversationsQuery, ConversationsQueryDto> {
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() q?: string;
}

export class MessagesQueryDto extends PageQueryDto implements Exactly<MessagesQuery, MessagesQueryDto> {
  @Optional() @IsUUID('all', { message: 'after must be a message id' }) after?: string;
}

export class SendMessageDto implements Exactly<SendMessageBody, SendMessageDto> {
  @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body: string;
}

export class EditMessageDto implements Exactly<EditMessageBody, EditMessageDto> {
  @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body: string;
}

export class ReadConversationDto implements Exactly<ReadConversationBody, ReadConversationDto> {
  @IsUUID('all', { message: 'messageId must be an id' }) messageId: string;
}

export class AddParticipantDto implements Exactly<AddParticipantBody, AddParticipantDto> {
  @IsString() @Length(1, 30) @NoNul() username: string;
}
