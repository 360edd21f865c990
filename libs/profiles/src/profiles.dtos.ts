import { IsString, IsUUID, Length } from 'class-validator';
import { CleanText, Optional, SafeText } from '@harbour/common';
import type { Exactly, UserSearchQuery } from '@harbour/contracts';

/** `GET /api/users?prefix=&topicId=`: what follows an `@` in the composer, and the topic being written in. */
export class UserSearchQueryDto implements Exactly<UserSearchQuery, UserSearchQueryDto> {
  @CleanText() @IsString() @Length(1, 60, { message: 'prefix must be 1 to 60 characters' }) @SafeText() prefix: string;
  @Optional() @IsUUID('all', { message: 'topicId must be an id' }) topicId?: string;
  @Optional() @IsUUID('all', { message: 'categoryId must be an id' }) categoryId?: string;
}
