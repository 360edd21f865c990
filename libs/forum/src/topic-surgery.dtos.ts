import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { CleanText, Optional, SafeText } from '@harbour/common';
import type { Exactly, MergeTopicBody, SplitTopicBody } from '@harbour/contracts';

export class SplitTopicDto implements Exactly<SplitTopicBody, SplitTopicDto> {
  /** Up to 500 posts named at once (their replies come along without being named). */
  @IsArray()
  @ArrayMinSize(1, { message: 'postIds must name at least one post' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'postIds must be post ids' })
  postIds: string[];

  @CleanText() @IsString() @Length(3, 200) @SafeText() title: string;
  @Optional() @IsUUID('all', { message: 'categoryId must be an id' }) categoryId?: string;
}

export class MergeTopicDto implements Exactly<MergeTopicBody, MergeTopicDto> {
  @IsUUID('all', { message: 'intoTopicId must be an id' }) intoTopicId: string;
}
