import { parseSubscriberCsv } from './subscribers-csv';

const NOW = new Date('2026-12-01T12:00:00Z');

describe('parseSubscriberCsv', () => {
  it('reads a file with a header, in any column order, with quoted fields', () => {
    const csv =
      'consent_at,email,consent_source,locale\r\n2025-03-01,Alex@Example.org,"Conference, Montréal 2025",fr\r\n"2024-01-02T10:00:00Z",sam@example.org,"Said ""yes"" at the desk",\r\n';
    const parsed = parseSubscriberCsv(csv, NOW);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        line: 2,
        email: 'alex@example.org',
        locale: 'fr',
        consentSource: 'Conference, Montréal 2025',
        consentMethod: 'express',
        consentExpiresAt: null,
      }),
      expect.objectContaining({ line: 3, email: 'sam@example.org', locale: 'en', consentSource: 'Said "yes" at the desk' }),
    ]);
    expect(parsed.rows[0]!.consentAt.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });

  it('reads a file without a header in the documented column order', () => {
    const parsed = parseSubscriberCsv('a@example.org,en,form,2025-01-01\nb@example.org,fr,form,2025-01-01,implied\n', NOW);
    expect(parsed.rows.map((row) => [row.email, row.consentMethod, row.consentExpiresAt?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['a@example.org', 'express', null],
      ['b@example.org', 'implied', '2027-01-01'],
    ]);
  });

  it('reports every bad line by its number and keeps none of it', () => {
    const csv = [
      'email,locale,consent_source,consent_at,consent_method,consent_expires_at',
      'good@example.org,en,form,2025-01-01,,',
      'not-an-address,en,form,2025-01-01,,',
      'x@example.org,de,form,2025-01-01,,',
      'y@example.org,en,,2025-01-01,,',
      'z@example.org,en,form,yesterday,,',
      'w@example.org,en,form,2030-01-01,,',
      '"multi',
      'line@example.org",en,form,2025-01-01,,',
      'v@example.org,en,form,2020-01-01,implied,',
      'u@example.org,en,form,2025-01-01,maybe,',
      't@example.org,en,form,2025-01-01,,,extra',
      'GOOD@example.org,fr,form,2025-01-01,,',
      '',
      'last@example.org,en,fo\u202erm,2025-01-01,,',
    ].join('\n');
    const parsed = parseSubscriberCsv(csv, NOW);
    expect(parsed.rows.map((row) => row.email)).toEqual(['good@example.org']);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 11, 12, 15]);
    expect(parsed.errors[0]!.message).toContain('email');
    expect(parsed.errors[1]!.message).toContain('locale');
    expect(parsed.errors[2]!.message).toContain('consent_source');
    expect(parsed.errors[3]!.message).toContain('consent_at');
    expect(parsed.errors[4]!.message).toContain('future');
    expect(parsed.errors[6]!.message).toContain('expired');
  });

  it('refuses a header with unknown or missing columns as a whole', () => {
    const parsed = parseSubscriberCsv('email,name,consent_at\na@example.org,A,2025-01-01\n', NOW);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ line: 1, message: expect.stringMatching(/unknown column "name".*missing column "consent_source"/) }]);
  });
});
