import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { Type } from 'class-transformer';

/**
 * Trims and NFC-normalises a string field, so "é" typed two ways is one value. Non-strings pass
 * through untouched for the type validators to reject.
 */
export function CleanText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
}

/** Control characters, bidirectional overrides and zero-width characters: used to spoof names. */
const UNSAFE_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff';
export const UNSAFE_TEXT = new RegExp(`[${UNSAFE_CHARACTERS}]`);

/** PostgreSQL text cannot hold NUL; Markdown bodies may hold anything else. */
export function NoNul(): PropertyDecorator {
  return ValidateBy({
    name: 'noNul',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !value.includes(String.fromCharCode(0)),
      defaultMessage: (args) => `${args?.property ?? 'text'} must not contain NUL characters`,
    },
  });
}

/** Rejects text that carries invisible or direction-changing characters. */
export function SafeText(): PropertyDecorator {
  return Matches(new RegExp(`^[^${UNSAFE_CHARACTERS}]*$`), {
    message: ({ property }) => `${property} must not contain control, zero-width or bidirectional-override characters`,
  });
}

/** `?limit=&cursor=` of every list (api.md: default 20, max 100). */
export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
