/**
 * Hostile inputs for the OpenAPI-driven fuzzer (test/e2e/fuzz.e2e-spec.ts): what to put in path
 * parameters, query strings and bodies. Bodies come from the document's request schemas when it has them
 * (each property in turn gets each hostile value while the others keep a plausible one), and from a
 * generic set otherwise, so a new route or field is fuzzed without anyone listing it here.
 */

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minimum?: number;
  minLength?: number;
  example?: unknown;
}

export interface Operation {
  parameters?: { name: string; in: string; schema?: SchemaObject }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** A body as it goes on the wire: raw text and its content type. */
export interface RawBody {
  label: string;
  contentType: string;
  text: string;
}

export const MISSING_UUID = '0b7c2a4e-1f0e-4b5e-9a53-2f4d7e1c9a11';

/** Junk for a path segment, already URL-encoded (a lone surrogate can only travel as its CESU-8 bytes). */
export const JUNK_PATH_VALUES = ['%00', 'x', '99999999999999999999999', '%ED%A0%80', '%E0%A4%A', MISSING_UUID, '-1'];

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors that decode to positions PostgreSQL refuses, or to nothing at all. */
export const JUNK_CURSORS = [
  base64url(`+275760-09-13T00:00:00.000Z|${MISSING_UUID}`),
  base64url(`0000-01-01T00:00:00.000Z|${MISSING_UUID}`),
  base64url(`-000001-01-01T00:00:00.000Z|${MISSING_UUID}`),
  base64url(`99999-12-31|${MISSING_UUID}`),
  base64url(`1|+275760-09-13T00:00:00.000Z|${MISSING_UUID}`),
  base64url(`0|0000-01-01|${MISSING_UUID}`),
  base64url(`2020-01-01T00:00:00.000Z|x\u0000`),
  base64url('n99999999999'),
  base64url('o99999'),
  '%00',
  '!!!',
];

/** Hostile query values, URL-encoded. */
export const JUNK_QUERY_VALUES = ['%00', 'a%00b', '%ED%A0%80', '10000-01-01', '-infinity', '99999999999999999999', '-1', 'x'];

/** Query parameters that lists, searches and logs take; sent to every GET whatever its document says. */
export const GENERIC_QUERY_NAMES = ['cursor', 'limit', 'q', 'before', 'after', 'status', 'action', 'token', 'unread'];

const LONE_SURROGATE = '\ud800';
const NUL = '\u0000';

/** Values put in one property at a time (JSON.stringify writes the lone surrogate as the text "\ud800"). */
export const HOSTILE_VALUES: { label: string; value: unknown }[] = [
  { label: 'null', value: null },
  { label: 'NUL', value: `a${NUL}b` },
  { label: 'lone surrogate', value: `a${LONE_SURROGATE}@example.org` },
  { label: 'huge number', value: 1e300 },
  { label: 'negative', value: -99999999999 },
  { label: 'wrong type: boolean', value: true },
  { label: 'wrong type: object', value: { $gt: '' } },
  { label: 'wrong type: array', value: [NUL] },
  { label: 'far date', value: '10000-01-01' },
  { label: '-infinity', value: '-infinity' },
  { label: 'empty', value: '' },
];

const json = (label: string, text: string): RawBody => ({ label, contentType: 'application/json', text });

/** Bodies sent to every route that takes one, whatever its schema. */
export const GENERIC_BODIES: RawBody[] = [
  json('{}', '{}'),
  json('empty body', ''),
  json('not JSON', '{"a":'),
  json('JSON null', 'null'),
  json('JSON array', '[{}]'),
  json('JSON string', '"\\ud800"'),
  json('NUL key', '{"\\u0000":1}'),
  json('__proto__', '{"__proto__":{"admin":true}}'),
  { label: 'text/plain', contentType: 'text/plain', text: 'hello' },
  { label: 'form', contentType: 'application/x-www-form-urlencoded', text: 'a=%00&b=%ED%A0%80' },
  {
    label: 'CSV with NUL',
    contentType: 'text/csv',
    text: `email,locale,consent_source,consent_at\nx@example.org,en,a${NUL}b,2026-01-01\n`,
  },
  {
    label: 'CSV with far dates',
    contentType: 'text/csv',
    text: 'email,locale,consent_source,consent_at\nx@example.org,en,a,10000-01-01\ny@example.org,en,b,-infinity\n',
  },
];

/** Used when the document has no schema for a body: field names the API's DTOs use. */
const COMMON_FIELDS = ['email', 'name', 'title', 'body', 'description', 'displayName', 'reason', 'until', 'at', 'subject', 'login'];

export function resolve(document: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((part) => resolve(document, part) ?? {});
    return { type: 'object', properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) };
  }
  return schema;
}

/** Real ids by property name (`categoryId`, `targetId`, …), so a plausible body names things that exist. */
export type RealIds = Record<string, string>;

/** A plausible value for a schema, so that the one hostile property is what the server has to judge. */
export function plausible(document: OpenApiDocument, raw: SchemaObject | undefined, ids: RealIds = {}, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (!schema || depth > 4) return 'text';
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return plausible(document, variant, ids, depth + 1);
  if (schema.properties) {
    // Where the schema says what is required (a create), only that and the ids: an optional field may have
    // rules of its own (a warning has no end date); elsewhere (an update) every field.
    const required = schema.required;
    const entries = Object.entries(schema.properties)
      .filter(([key]) => !required || required.includes(key) || key in ids)
      .map(([key, value]) => [key, ids[key] ?? plausible(document, value, ids, depth + 1)]);
    return Object.fromEntries(entries);
  }
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'array') return [];
  if (schema.type === 'object') return {};
  if (schema.format === 'email') return 'fuzz@example.org';
  if (schema.format === 'uuid') return MISSING_UUID;
  // Two days ahead: a sanction's end or a mailing's schedule that the server takes.
  if (schema.format === 'date-time' || schema.format === 'date') return new Date(Date.now() + 2 * 86_400_000).toISOString();
  return 'Some plausible text';
}

/**
 * Bodies for one operation: the generic ones for every write; and where the document describes a JSON
 * body, each property (nested ones too) with each hostile value, or common field names when it has no schema.
 */
export function bodiesFor(document: OpenApiDocument, operation: Operation, ids: RealIds = {}, hostile = HOSTILE_VALUES): RawBody[] {
  const bodies = [...GENERIC_BODIES];
  const content = operation.requestBody?.content?.['application/json'];
  if (!content) return bodies;
  const properties = resolve(document, content.schema)?.properties;
  if (!properties || Object.keys(properties).length === 0) {
    for (const field of COMMON_FIELDS) {
      for (const { label, value } of hostile.slice(0, 3)) bodies.push(json(`${field}: ${label}`, JSON.stringify({ [field]: value })));
    }
    return bodies;
  }
  const base = plausible(document, content.schema, ids) as Record<string, unknown>;
  const visit = (path: string[], props: Record<string, SchemaObject>) => {
    for (const [key, child] of Object.entries(props)) {
      const here = [...path, key];
      for (const { label, value } of hostile)
        bodies.push(json(`${here.join('.')}: ${label}`, JSON.stringify(withValue(base, here, value))));
      const nested = resolve(document, child)?.properties;
      if (nested && here.length < 3) visit(here, nested);
    }
  };
  visit([], properties);
  return bodies;
}

function withValue(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node[key] = typeof next === 'object' && next !== null ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Query strings for a GET: each documented parameter with each junk value, junk cursors where a cursor is
 * taken, and the generic names once each (an unknown name must be refused, not crash). A document that
 * lists no query parameter anywhere is not trusted: every generic name then gets every junk value.
 */
export function queriesFor(document: OpenApiDocument, operation: Operation): string[] {
  const documented = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const trusted = Object.values(document.paths).some((methods) =>
    Object.values(methods).some((o) => (o.parameters ?? []).some((p) => p.in === 'query')),
  );
  const full = trusted ? documented : [...new Set([...documented, ...GENERIC_QUERY_NAMES])];
  const queries = full.flatMap((name) => JUNK_QUERY_VALUES.map((value) => `${name}=${value}`));
  queries.push(...GENERIC_QUERY_NAMES.filter((name) => !full.includes(name)).map((name) => `${name}=%00`));
  if (full.includes('cursor')) queries.push(...JUNK_CURSORS.map((cursor) => `cursor=${cursor}`), 'cursor[]=x');
  queries.push('limit=1&limit=2', 'q[$gt]=');
  return queries;
}

/** Runs tasks with at most `width` in flight. */
export async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}
