import { IsString, Length } from 'class-validator';
import { CleanText, SafeText } from '@harbour/common';
import type { Exactly, UnmaskBody } from '@harbour/contracts';

export class UnmaskDto implements Exactly<UnmaskBody, UnmaskDto> {
  @CleanText() @IsString() @Length(3, 1000) @SafeText() reason: string;
}
