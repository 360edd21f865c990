import { IsString, MaxLength } from 'class-validator';
import { NoNul, Optional } from '@harbour/common';
import type { Exactly, SaveDraftBody } from '@harbour/contracts';

/**
 * As long as a post may be (forum.dtos.ts). Kept as typed, untrimmed: a draft is half-written text, judged
 * (watched words, required fields, invisible characters) only when it is posted.
 */
const MAX_BODY = 50_000;

export class SaveDraftDto implements Exactly<SaveDraftBody, SaveDraftDto> {
  @IsString() @MaxLength(MAX_BODY) @NoNul() body: string;
  @Optional() @IsString() @MaxLength(200) @NoNul() title?: string;
  @Optional() @IsString() @MaxLength(200) @NoNul() contentWarning?: string;
}
