import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';

const WEB_DIR = join(__dirname, '../../dist/web');

describe('serving the web client', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('Build the client first: npm run build:web');
    t = await startTestApp({ webDir: WEB_DIR });
  });
  afterAll(() => t.close());

  it('serves the client at / and index.html for client routes', async () => {
    const home = await t.http().get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/html/);
    expect(home.text).toContain('<div id="root"></div>');
    const deep = await t.http().get('/reset-password?token=abc').expect(200);
    expect(deep.text).toBe(home.text);
  });

  it('loads nothing from another host', async () => {
    const home = await t.http().get('/');
    const urls = [...home.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('/')).toBe(true);
    const script = urls.find((url) => url.endsWith('.js'))!;
    const asset = await t.http().get(script).expect(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('keeps API 404s as JSON and missing assets as 404s, not the client page', async () => {
    const api = await t.http().get('/api/unknown').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
    await t.http().get('/assets/missing.js').expect(404);
  });
});
