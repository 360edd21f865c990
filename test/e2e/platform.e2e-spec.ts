import { pendingSchemaChanges } from '@harbour/database';
import { startTestApp, type TestApp } from '../support/app';
import { newMember } from '../support/factories';

describe('the platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the health check with the database state', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves an OpenAPI document that lists the routes of api.md', async () => {
    const response = await t.http().get('/api/openapi.json').expect(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/me', '/api/admin/settings', '/api/health']),
    );
  });

  it('answers unknown API routes with a JSON 404 in the error shape', async () => {
    const response = await t.http().get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('sends security headers: a strict same-origin CSP, no x-powered-by', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses malformed JSON with a 400, never a 500', async () => {
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"login": "x",').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('refuses a body of a type the route does not read with a 415, and changes nothing', async () => {
    const member = await newMember(t, { username: 'typedbody' });
    const plain = await t
      .http()
      .patch('/api/me')
      .set(member.auth)
      .set('Content-Type', 'text/plain')
      .send('displayName=Changed')
      .expect(415);
    expect(plain.body).toEqual({ statusCode: 415, message: 'Content-Type must be application/json', error: 'Unsupported Media Type' });
    await t.http().post('/api/auth/login').type('form').send({ login: 'typedbody', password: 'x' }).expect(415);
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.displayName).not.toBe('Changed');
    // A write with no body at all needs no type.
    await t.http().post('/api/auth/logout').set(member.auth).expect(204);
  });

  it('refuses an oversized body with a 413 and stores nothing', async () => {
    const huge = 'x'.repeat(400 * 1024);
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'bigbody', email: 'big@example.org', password: huge })
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
    await t.http().post('/api/auth/login').send({ login: 'bigbody', password: 'whatever1' }).expect(401);
  });

  it('has migrations that match the entities exactly (no drift)', async () => {
    expect(await pendingSchemaChanges(t.databaseUrl)).toEqual([]);
  });
});
