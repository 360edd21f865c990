import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  DELETED_POSTS,
  type AdminDeleteUserBody,
  type DeletedPosts,
  type DeleteMeBody,
  type Exactly,
  type PasswordBody,
} from '@harbour/contracts';
import { CleanText, Optional } from '@harbour/common';
import { SECOND_FACTOR } from './two-factor.dtos';

const POSTS_RULE = `posts must be one of: ${DELETED_POSTS.join(', ')}`;

export class ExportMeDto implements Exactly<PasswordBody, ExportMeDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class DeleteMeDto implements Exactly<DeleteMeBody, DeleteMeDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
  /** A current code or a recovery code, when two-factor is on. */
  @Optional() @CleanText() @IsString() @Matches(SECOND_FACTOR, { message: 'totp must be a 6-digit code or a recovery code' }) totp?: string;
  @IsIn(DELETED_POSTS, { message: POSTS_RULE }) posts: DeletedPosts;
}

export class AdminDeleteUserDto implements Exactly<AdminDeleteUserBody, AdminDeleteUserDto> {
  @IsIn(DELETED_POSTS, { message: POSTS_RULE }) posts: DeletedPosts;
}
