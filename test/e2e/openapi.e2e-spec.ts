import { readFileSync } from 'node:fs';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { generateOpenApiMetadata, METADATA_FILE } from '../../scripts/openapi-metadata';
import { startApiProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';

type Schema = SchemaObject | ReferenceObject;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MISSING = '00000000-0000-4000-8000-000000000000';

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** What the document describes, or what a test needs to find in it. */
function operations(document: OpenAPIObject): { method: (typeof METHODS)[number]; path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method] }] : [])),
  );
}

function resolve<T>(document: OpenAPIObject, value: T | ReferenceObject): T {
  if (!value || typeof value !== 'object' || !('$ref' in value)) return value;
  const [, , section, name] = value.$ref.split('/');
  const components = document.components as Record<string, Record<string, unknown>>;
  const target = section && name ? components[section]?.[name] : undefined;
  if (!target) throw new Error(`dangling ${value.$ref}`);
  return resolve(document, target as T | ReferenceObject);
}

/**
 * Checks a real answer against its schema (the subset of OpenAPI 3.0 the document uses). Strict: a
 * property the schema does not name is an error, so a mapper that sends more than its contract fails here.
 */
function mismatches(document: OpenAPIObject, value: unknown, reference: Schema, at = '$'): string[] {
  const schema = resolve(document, reference);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.allOf) return schema.allOf.flatMap((part) => mismatches(document, value, part, at));
  if (schema.oneOf) {
    return schema.oneOf.some((part) => mismatches(document, value, part, at).length === 0) ? [] : [`${at} matches none of oneOf`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at} = ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === schema.type ? [] : [`${at} is not a ${schema.type}`];
    case 'array':
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, index) => (schema.items ? mismatches(document, item, schema.items, `${at}[${index}]`) : []));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const errors = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key} is missing`);
      for (const [key, item] of Object.entries(record)) {
        const property = properties[key];
        if (property) errors.push(...mismatches(document, item, property, `${at}.${key}`));
        else if (typeof schema.additionalProperties === 'object')
          errors.push(...mismatches(document, item, schema.additionalProperties, `${at}.${key}`));
        else if (schema.additionalProperties !== true) errors.push(`${at}.${key} is not in the schema`);
      }
      return errors;
    }
    case undefined:
    default:
      return [];
  }
}

describe('the OpenAPI document (GET /api/openapi.json)', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ smtp: false });
    admin = await newMember(t); // the first account: the site's admin
    document = (await t.http().get('/api/openapi.json').expect(200)).body as OpenAPIObject;
  });

  afterAll(async () => {
    await t.close();
  });

  const operation = (method: (typeof METHODS)[number], path: string): OperationObject => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return found;
  };
  const answerSchema = (method: (typeof METHODS)[number], path: string, status: number): Schema => {
    const response = resolve(document, operation(method, path).responses[String(status)]);
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} JSON answer`);
    return schema;
  };
  const requestSchema = (method: (typeof METHODS)[number], path: string): SchemaObject => {
    const body = resolve(document, operation(method, path).requestBody as RequestBodyObject | ReferenceObject);
    return resolve(document, body.content['application/json']!.schema!);
  };

  it('lists every route the app serves, and nothing it does not', () => {
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
    const served = express.router.stack
      .filter((layer) => layer.route?.path.startsWith('/api/'))
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`))
      // The document itself is served by Express, beside Nest's router.
      .filter((route) => route !== 'GET /api/openapi.json')
      .sort();
    const documented = operations(document)
      .map(({ method, path }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)
      .sort();
    expect(documented).toEqual(served);
    expect(served.length).toBeGreaterThan(90);
  });

  it('gives every operation its success status with the schema of its answer, its errors and its security', () => {
    const problems: string[] = [];
    for (const { method, path, operation: op } of operations(document)) {
      const name = `${method.toUpperCase()} ${path}`;
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (successes.length === 0) problems.push(`${name}: no success status`);
      for (const [status, response] of successes) {
        const content = resolve(document, response as ResponseObject).content;
        const schemas = Object.values(content ?? {}).map((media) => media.schema);
        // 202 and 204 answers of these routes carry no body; every other success carries a described one.
        if (status === '204' && content) problems.push(`${name}: 204 with a body`);
        if (status !== '204' && status !== '202' && (schemas.length === 0 || schemas.some((schema) => !schema)))
          problems.push(`${name}: ${status} has no schema`);
      }
      const security = op.security ?? [];
      if (security.length === 0) problems.push(`${name}: no security requirement`);
      const isPublic = security.some((requirement) => Object.keys(requirement).length === 0);
      if (!isPublic && (!op.responses['401'] || !op.responses['403'])) problems.push(`${name}: needs a session but documents no 401/403`);
      if (path.includes('{') && !op.responses['404']) problems.push(`${name}: names something but documents no 404`);
      if (method !== 'get' && !op.responses['400']) problems.push(`${name}: a write without 400`);
    }
    expect(problems).toEqual([]);
    const statuses = (method: (typeof METHODS)[number], path: string): string[] =>
      Object.keys(operation(method, path).responses).filter((status) => status.startsWith('2'));
    expect(statuses('post', '/api/topics')).toEqual(['201']);
    expect(statuses('post', '/api/auth/login')).toEqual(['200']);
    expect(statuses('post', '/api/auth/logout')).toEqual(['204']);
    expect(statuses('post', '/api/mailing/subscribe')).toEqual(['202']);
    expect(statuses('post', '/api/auth/register').sort()).toEqual(['201', '202']);
    expect(
      Object.keys(resolve(document, operation('get', '/api/mailing/subscribers/export').responses['200'] as ResponseObject).content ?? {}),
    ).toEqual(['text/csv']);
    // The error answers are described once, in api.md's shape.
    for (const status of ['400', '401', '403', '404', '409', '422', '429']) {
      expect(document.components?.responses?.[status]).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } },
      });
    }
    expect(resolve(document, { $ref: '#/components/schemas/ErrorDto' })).toMatchObject({
      required: ['statusCode', 'message', 'error'],
    });
  });

  it('marks exactly the @Public() routes as open: every other route answers an anonymous caller 401', async () => {
    const wrong: string[] = [];
    for (const { method, path, operation: op } of operations(document)) {
      const isPublic = (op.security ?? []).some((requirement) => Object.keys(requirement).length === 0);
      const url = path.replace(/\{\w+\}/g, MISSING);
      const agent = t.http();
      const calls = {
        get: () => agent.get(url),
        post: () => agent.post(url),
        put: () => agent.put(url),
        patch: () => agent.patch(url),
        delete: () => agent.delete(url),
      };
      const { status } = await calls[method]();
      if (isPublic ? status === 401 : status !== 401)
        wrong.push(`${method.toUpperCase()} ${path}: ${isPublic ? 'public' : 'session'} but ${status}`);
    }
    expect(wrong).toEqual([]);
    expect(operation('post', '/api/auth/login').security).toContainEqual({});
    expect(operation('get', '/api/topics').security).toContainEqual({});
    expect(operation('get', '/api/me').security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });

  it('describes request bodies and query strings from the DTOs: properties, types, required, lengths, enums', () => {
    const createTopic = requestSchema('post', '/api/topics');
    expect(createTopic.required).toEqual(['categoryId', 'title', 'body']);
    expect(createTopic.properties).toMatchObject({
      categoryId: { type: 'string', format: 'uuid' },
      title: { type: 'string', minLength: 3, maxLength: 200 },
      body: { type: 'string' },
      contentWarning: { type: 'string', minLength: 1, maxLength: 200 },
    });
    expect(requestSchema('post', '/api/auth/register')).toMatchObject({
      required: expect.arrayContaining(['username', 'email', 'password']) as unknown,
      properties: { password: { minLength: 8, maxLength: 200 }, locale: { enum: expect.arrayContaining(['en', 'fr']) as unknown } },
    });
    const level = requestSchema('put', '/api/topics/{id}/notification-level');
    expect(level.required).toEqual(['level']);
    expect((level.properties?.level as SchemaObject).enum?.slice().sort()).toEqual(['muted', 'normal', 'tracking', 'watching']);
    // Nested DTOs are components of their own.
    const settings = requestSchema('patch', '/api/admin/settings');
    expect(settings.required ?? []).toEqual([]);
    expect(resolve(document, settings.properties!.rateLimits!)).toMatchObject({
      properties: { postsPerMinute: { type: 'number', minimum: 0 } },
    });
    // Query strings, inherited paging included.
    const query = (operation('get', '/api/topics/{id}/posts').parameters ?? []) as ParameterObject[];
    expect(query.map((parameter) => `${parameter.in}:${parameter.name}`).sort()).toEqual([
      'path:id',
      'query:after',
      'query:around',
      'query:before',
      'query:cursor',
      'query:limit',
    ]);
    expect(query.find((parameter) => parameter.name === 'limit')).toMatchObject({ required: false, schema: { minimum: 1, maximum: 100 } });
    // Every JSON body is a described object.
    for (const { method, path, operation: op } of operations(document)) {
      if (!op.requestBody) continue;
      const body = resolve(document, op.requestBody);
      const json = body.content['application/json'];
      if (!json) continue; // the subscriber import is CSV
      const schema = resolve(document, json.schema!);
      expect([`${method} ${path}`, schema.type, Object.keys(schema.properties ?? {}).length > 0]).toEqual([
        `${method} ${path}`,
        'object',
        true,
      ]);
    }
  });

  it('answers as it says: real answers match the documented schemas exactly', async () => {
    const check = (method: (typeof METHODS)[number], path: string, status: number, body: unknown): void => {
      expect([`${method.toUpperCase()} ${path}`, mismatches(document, body, answerSchema(method, path, status))]).toEqual([
        `${method.toUpperCase()} ${path}`,
        [],
      ]);
    };
    const registered = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'schema_reader', email: 'schema_reader@example.org', password: 'correct horse battery' })
      .expect(202);
    check('post', '/api/auth/register', 202, registered.body);
    const categoryId = await newCategory(t, admin);
    const topic = await t
      .http()
      .post('/api/topics')
      .set(admin.auth)
      .send({ categoryId, title: 'A documented topic', body: 'Its first post' })
      .expect(201);
    check('post', '/api/topics', 201, topic.body);
    const topicId = (topic.body as { id: string }).id;
    const reads: [string, string, string][] = [
      ['/api/me', '/api/me', ''],
      ['/api/site', '/api/site', ''],
      ['/api/categories', '/api/categories', ''],
      ['/api/topics', '/api/topics', ''],
      ['/api/topics/{id}', `/api/topics/${topicId}`, ''],
      ['/api/topics/{id}/posts', `/api/topics/${topicId}/posts`, ''],
      ['/api/admin/settings', '/api/admin/settings', ''],
      ['/api/notifications/preferences', '/api/notifications/preferences', ''],
      ['/api/admin/users', '/api/admin/users', ''],
      ['/api/groups', '/api/groups', ''],
    ];
    for (const [path, url] of reads) {
      const response = await t.http().get(url).set(admin.auth).expect(200);
      check('get', path, 200, response.body);
    }
    // Errors answer in the shared error shape the document points to.
    const missing = await t.http().get(`/api/topics/${MISSING}`).expect(404);
    expect(mismatches(document, missing.body, { $ref: '#/components/schemas/ErrorDto' })).toEqual([]);
    const invalid = await t.http().post('/api/topics').set(admin.auth).send({}).expect(400);
    expect(mismatches(document, invalid.body, { $ref: '#/components/schemas/ErrorDto' })).toEqual([]);
  });

  it('is the same document in production (the built server) as in these tests', async () => {
    const built = await startApiProcess(t);
    try {
      const response = await fetch(`${built.baseUrl}/api/openapi.json`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(document);
    } finally {
      await built.stop();
    }
  });

  it('is generated from the code as it is now (else: npm run openapi:generate)', async () => {
    const fresh = await generateOpenApiMetadata();
    const committed = readFileSync(METADATA_FILE, 'utf8');
    expect(fresh === committed ? 'up to date' : 'apps/api/src/openapi.metadata.ts is stale: run npm run openapi:generate').toBe(
      'up to date',
    );
  }, 180_000);
});
