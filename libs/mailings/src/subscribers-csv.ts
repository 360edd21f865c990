import { CONSENT_METHODS, LOCALES, type ConsentMethod, type Locale } from '@harbour/contracts';
import { UNSAFE_TEXT } from '@harbour/common';
import { normalizeEmail } from './email-address';

/** One good line of an import, ready to store. */
export interface ImportedSubscriber {
  line: number;
  email: string;
  locale: Locale;
  consentSource: string;
  consentAt: Date;
  consentMethod: ConsentMethod;
  consentExpiresAt: Date | null;
}

export interface ParsedImport {
  rows: ImportedSubscriber[];
  errors: { line: number; message: string }[];
  /** Lines whose address appeared earlier in the file (case and spelling folded): the first one counts. */
  duplicates: number;
}

/** The columns, in the order a file without a header row gives them. */
const COLUMNS = ['email', 'locale', 'consent_source', 'consent_at', 'consent_method', 'consent_expires_at'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['email', 'consent_source', 'consent_at'];
/** CASL: implied consent from a business or non-business relationship lasts two years. */
const IMPLIED_CONSENT_YEARS = 2;

/**
 * Reads an import: RFC 4180 CSV (quoted fields may hold commas, quotes and newlines), an optional header
 * row naming the columns in any order, blank lines ignored. Every bad line is reported by its number in
 * the file (a quoted field spanning lines counts from its record's first line) and nothing of it is kept.
 */
export function parseSubscriberCsv(text: string, now = new Date()): ParsedImport {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const errors: ParsedImport['errors'] = [];
  const first = records[0];
  let columns: readonly string[] = COLUMNS;
  // A header names the columns; no address is spelt "email", so that word marks one.
  if (first?.fields.some((name) => name.trim().toLowerCase() === 'email')) {
    columns = first.fields.map((name) => name.trim().toLowerCase());
    records.shift();
    const unknown = columns.filter((name) => !(COLUMNS as readonly string[]).includes(name));
    const missing = REQUIRED.filter((name) => !columns.includes(name));
    if (unknown.length > 0 || missing.length > 0) {
      const problems = [
        ...unknown.map((name) => `unknown column "${name.slice(0, 40)}"`),
        ...missing.map((name) => `missing column "${name}"`),
      ];
      return {
        rows: [],
        errors: [{ line: first.line, message: `${problems.join('; ')} (columns are ${COLUMNS.join(', ')})` }],
        duplicates: 0,
      };
    }
  }
  const rows: ImportedSubscriber[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const record of records) {
    if (record.fields.length === 1 && record.fields[0]?.trim() === '') continue;
    const values = new Map<string, string>(columns.map((name, index) => [name, (record.fields[index] ?? '').trim()]));
    if (record.fields.length > columns.length) {
      errors.push({ line: record.line, message: `has ${record.fields.length} fields; expected at most ${columns.length}` });
      continue;
    }
    const row = readRow(record.line, values, now);
    if (typeof row === 'string') {
      errors.push({ line: record.line, message: row });
      continue;
    }
    if (seen.has(row.email)) {
      duplicates += 1;
      continue;
    }
    seen.add(row.email);
    rows.push(row);
  }
  return { rows, errors, duplicates };
}

function readRow(line: number, values: Map<string, string>, now: Date): ImportedSubscriber | string {
  const rawEmail = values.get('email') ?? '';
  const email = normalizeEmail(rawEmail);
  if (!email) return rawEmail === '' ? 'email is missing' : `email "${rawEmail.slice(0, 80)}" is not a valid address`;
  const locale = (values.get('locale') || 'en').toLowerCase();
  if (!(LOCALES as readonly string[]).includes(locale)) return `locale must be one of ${LOCALES.join(', ')} (got "${locale.slice(0, 20)}")`;
  const consentSource = (values.get('consent_source') ?? '').normalize('NFC');
  if (consentSource === '') return 'consent_source is missing (say where the consent was given)';
  if (consentSource.length > 200) return 'consent_source must be at most 200 characters';
  if (UNSAFE_TEXT.test(consentSource)) return 'consent_source must not contain control, zero-width or bidirectional-override characters';
  const consentAt = readDate(values.get('consent_at') ?? '');
  if (!consentAt) return 'consent_at must be a date (YYYY-MM-DD or ISO 8601)';
  if (consentAt.getTime() > now.getTime() + 86_400_000) return 'consent_at is in the future';
  const method = (values.get('consent_method') || 'express').toLowerCase();
  if (!(CONSENT_METHODS as readonly string[]).includes(method)) return `consent_method must be one of ${CONSENT_METHODS.join(', ')}`;
  let consentExpiresAt: Date | null = null;
  if (method === 'implied') {
    const given = values.get('consent_expires_at') ?? '';
    consentExpiresAt = given === '' ? addYears(consentAt, IMPLIED_CONSENT_YEARS) : readDate(given);
    if (!consentExpiresAt) return 'consent_expires_at must be a date (YYYY-MM-DD or ISO 8601)';
    if (consentExpiresAt.getTime() <= now.getTime()) return `implied consent expired on ${consentExpiresAt.toISOString().slice(0, 10)}`;
  } else if (values.get('consent_expires_at')) {
    return 'consent_expires_at is only for implied consent (express consent does not expire)';
  }
  return { line, email, locale: locale as Locale, consentSource, consentAt, consentMethod: method as ConsentMethod, consentExpiresAt };
}

function readDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990) return null;
  return date;
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/** RFC 4180 records with the line each starts on. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
