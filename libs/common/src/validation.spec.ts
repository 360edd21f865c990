import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsDate, IsDateString, IsIn, IsString, ValidateNested, validateSync } from 'class-validator';
import { isStorableDate } from './dates';
import { Optional, StorableDate } from './validation';

class Inner {
  @IsIn(['a', 'b']) kind: string;
}

class Sample {
  @Optional() @IsString() name?: string;
  @Optional() @ValidateNested() @Type(() => Inner) inner?: Inner;
  @Optional() @Type(() => Date) @IsDate() @StorableDate() until?: Date;
  @Optional() @IsDateString({ strict: true }) @StorableDate() at?: string;
}

function messages(plain: object): string[] {
  return validateSync(plainToInstance(Sample, plain)).flatMap((error) => Object.values(error.constraints ?? { nested: error.property }));
}

describe('Optional', () => {
  it('lets an absent field pass', () => {
    expect(messages({})).toEqual([]);
  });

  it('refuses null with a message naming the field, unlike @IsOptional', () => {
    expect(messages({ name: null })).toEqual(['name must be a string']);
    expect(messages({ until: null }).join(' ')).toContain('until');
    expect(messages({ inner: null }).join(' ')).toContain('inner');
  });
});

describe('storable dates', () => {
  it.each(['0001-01-01T00:00:00Z', '2026-12-02T10:00:00.000Z', '9999-12-31T23:59:59.999Z'])('accepts %s', (text) => {
    expect(isStorableDate(new Date(text))).toBe(true);
    expect(messages({ until: text })).toEqual([]);
  });

  it('accepts an ISO 8601 string for a string date field', () => {
    expect(messages({ at: '2026-12-02T10:00:00.000Z' })).toEqual([]);
  });

  it.each(['+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])(
    'refuses %s, which JavaScript parses and PostgreSQL cannot store',
    (text) => {
      expect(isStorableDate(new Date(text))).toBe(false);
      expect(messages({ until: text })).toEqual(['until must be a date between the years 1 and 9999']);
    },
  );

  it('refuses dates that are no dates at all', () => {
    expect(isStorableDate(new Date('-infinity'))).toBe(false);
    expect(messages({ at: '10000-01-01' }).join(' ')).toContain('at must');
    expect(messages({ until: '-infinity' }).join(' ')).toContain('until must be a Date');
  });
});
