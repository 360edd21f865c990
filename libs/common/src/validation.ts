import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { FIRST_YEAR, isStorableDate, LAST_YEAR } from './dates';
import type { Exactly, PageQuery } from '@harbour/contracts';

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

/**
 * An optional field: absent is fine, but `null` is a value like any other, which the field's own
 * validators refuse with a 400 naming it. (class-validator's @IsOptional lets null through to the service,
 * where it became a NOT NULL violation: use @IsOptional only where null means something, such as
 * "remove the French version", and make the service store it.)
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A date (a Date, or an ISO 8601 string for @IsDateString fields) PostgreSQL can store. Other types pass,
 * for the field's type validator to name.
 */
export function StorableDate(): PropertyDecorator {
  return ValidateBy({
    name: 'storableDate',
    validator: {
      validate: (value: unknown) =>
        value instanceof Date ? isStorableDate(value) : typeof value !== 'string' || isStorableDate(new Date(value)),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be a date between the years ${FIRST_YEAR} and ${LAST_YEAR}`,
    },
  });
}

/** `?limit=&cursor=` of every list (api.md: default 20, max 100). */
export class PageQueryDto implements Exactly<PageQuery, PageQueryDto> {
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @Optional() @IsString() @MaxLength(200) cursor?: string;
}
