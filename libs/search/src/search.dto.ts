import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsNotEmpty, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Optional, StorableDate, UNSAFE_TEXT } from '@harbour/common';
import type { Exactly, Parsed, SearchQuery } from '@harbour/contracts';

/** Invisible and control characters mean nothing to a search (and PostgreSQL refuses NUL): they become spaces. */
const UNSAFE_ANYWHERE = new RegExp(UNSAFE_TEXT.source, 'g');

export class SearchQueryDto implements Exactly<Parsed<SearchQuery, { after?: Date; before?: Date }>, SearchQueryDto> {
  /** Words, "quoted phrases", -excluded and `or`, as people type them into a search box. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(UNSAFE_ANYWHERE, ' ').normalize('NFC').trim() : value,
  )
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(500)
  q: string;
  @Optional() @IsUUID('all', { message: 'categoryId must be an id' }) categoryId?: string;
  @Optional() @IsUUID('all', { message: 'groupId must be an id' }) groupId?: string;
  /** A username. */
  @Optional() @IsString() @Length(1, 30) author?: string;
  @Optional() @Type(() => Date) @IsDate({ message: 'after must be a date' }) @StorableDate() after?: Date;
  @Optional() @Type(() => Date) @IsDate({ message: 'before must be a date' }) @StorableDate() before?: Date;
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
  @Optional() @IsString() @MaxLength(40) cursor?: string;
}
