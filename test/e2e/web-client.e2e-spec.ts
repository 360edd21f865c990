import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';

const WEB_DIR = join(__dirname, '../../dist/web');

/** What a browser gets, undecoded: fetch decodes bodies but keeps the headers that say how they came. */
async function raw(baseUrl: string, path: string, encoding: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { 'accept-encoding': encoding, ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('serving the web client: compression, caching, and server-rendered pages for guests', () => {
  let t: TestApp;
  let admin: TestMember;
  let author: TestMember;
  let category: string;
  let topic: { id: string; title: string };
  let privateCategory: string;
  let privateTopic: string;
  const SECRET = `private${Math.random().toString(36).slice(2, 10)}`;
  const HOSTILE = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('Build the client first: npm run build:web');
    t = await startTestApp({ webDir: WEB_DIR });
    admin = await newMember(t, { role: 'admin' });
    author = await newMember(t);
    category = await newCategory(t, admin, 'Harm reduction');
    topic = await newTopic(t, author, category, 'Which pharmacies hand out **naloxone** kits?');
    await newReply(t, admin, topic.id, 'The one on Main Street, ask at the counter.');
    privateCategory = await newPrivateCategory(t, `Space ${SECRET}`);
    privateTopic = (
      await t
        .http()
        .post('/api/topics')
        .set(admin.auth)
        .send({ categoryId: privateCategory, title: `Topic ${SECRET}`, body: SECRET })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('serves the client at its routes and index.html for client routes', async () => {
    const groups = await t.http().get('/groups').expect(200);
    expect(groups.headers['content-type']).toMatch(/html/);
    expect(groups.text).toContain('<div id="root"></div>');
    const deep = await t.http().get('/reset-password?token=abc').expect(200);
    expect(deep.text).toBe(groups.text);
  });

  it('loads nothing from another host, on a client page and on a server-rendered one', async () => {
    const home = await t.http().get('/groups');
    const server = await t.http().get('/').expect(200);
    const pages = `${home.text}${server.text}`;
    // The quick exit (discreet mode) is a link that leaves when pressed, not a load: only to the site's quickExitUrl.
    const { quickExitUrl } = (await t.http().get('/api/site').expect(200)).body as { quickExitUrl: string };
    expect([...pages.matchAll(/<a href="([^"]+)"[^>]*\bdata-quick-exit\b/g)].map((m) => m[1])).toEqual([quickExitUrl]);
    const urls = [...pages.replace(/<a [^>]*\bdata-quick-exit\b[^>]*>/g, '').matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((url) => !url.startsWith('#'));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('/')).toBe(true);
    const script = urls.find((url) => url.startsWith('/assets/') && url.endsWith('.js'))!;
    const asset = await t.http().get(script).expect(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('keeps API 404s as JSON and missing assets as 404s, not the client page', async () => {
    const api = await t.http().get('/api/unknown').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
    await t.http().get('/assets/missing.js').expect(404);
  });

  it('compresses JSON and pages with brotli, or gzip for a browser without it', async () => {
    for (const path of ['/api/openapi.json', '/']) {
      const br = await raw(t.baseUrl, path, 'gzip, deflate, br');
      expect({ path, encoding: br.headers.get('content-encoding') }).toEqual({ path, encoding: 'br' });
      const gzip = await raw(t.baseUrl, path, 'gzip');
      expect({ path, encoding: gzip.headers.get('content-encoding') }).toEqual({ path, encoding: 'gzip' });
      expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(gzip.text).toBe(br.text);
    }
  });

  it('serves hashed assets precompressed and cached for a year, unchanged once decoded', async () => {
    const page = await t.http().get('/groups');
    const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const plain = readFileSync(join(WEB_DIR, asset), 'utf8');
      // A browser's own header lists gzip first: brotli is still the one sent.
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
      ]) {
        const response = await raw(t.baseUrl, asset, accept!);
        expect({ asset, encoding: response.headers.get('content-encoding') }).toEqual({ asset, encoding });
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
        expect(response.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /javascript/ : /css/);
        // nosniff stays; a document's own headers (framing, isolation) are not repeated on every script.
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBeNull();
        expect(response.text).toBe(plain);
      }
      const identity = await raw(t.baseUrl, asset, 'identity');
      expect(identity.headers.get('content-encoding')).toBeNull();
      expect(identity.text).toBe(plain);
    }
  });

  it('renders the home, category and topic pages for a guest, with real links between them', async () => {
    const home = await t.http().get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/html/);
    expect(home.text).toContain('<a href="/c/' + category + '">Harm reduction</a>');
    expect(home.text).toContain(`<a href="/t/${topic.id}" class="topic-title">${topic.title}</a`);
    expect(home.text).not.toContain('<noscript>');
    const categoryPage = await t.http().get(`/c/${category}`).expect(200);
    expect(categoryPage.text).toContain('<h1 id="page-title" tabindex="-1">Harm reduction</h1>');
    expect(categoryPage.text).toContain(`href="/t/${topic.id}"`);
    const topicPage = await t.http().get(`/t/${topic.id}`).expect(200);
    expect(topicPage.text).toContain(`<title>${topic.title} · Harbour</title>`);
    expect(topicPage.text).toContain('<strong>naloxone</strong>');
    expect(topicPage.text).toContain('The one on Main Street, ask at the counter.');
    expect(topicPage.text).toContain(`<a href="/c/${category}">Harm reduction</a>`);
    // A post's own link opens the same topic.
    const deep = await t.http().get(`/t/${'a-slug'}/${topic.id}/2`).expect(200);
    expect(deep.text).toContain('The one on Main Street, ask at the counter.');
    // A signed-in browser gets the client alone: nothing is rendered for a member on the server.
    const member = await t.http().get(`/t/${topic.id}`).set('Cookie', 'harbour_session=anything').expect(200);
    expect(member.text).toContain('<div id="root"></div>');
    expect(member.text).not.toContain('Main Street');
  });

  it('has the topic page fetch its screen’s code and first data with the page, not after the scripts ran', async () => {
    const page = await t.http().get(`/t/${topic.id}`).expect(200);
    const manifest = JSON.parse(readFileSync(join(WEB_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const screen = manifest['src/features/forum/components/topic-page.tsx']!.file;
    expect(page.text).toContain(`<link rel="modulepreload" crossorigin href="/${screen}">`);
    for (const url of ['/api/me', `/api/topics/${topic.id}`, `/api/topics/${topic.id}/posts?limit=20`, `/api/topics/${topic.id}/notices`]) {
      expect(page.text).toContain(`<link rel="preload" as="fetch" crossorigin href="${url}">`);
    }
    // The 404 page preloads nothing: there is no screen data to fetch.
    const missing = await t.http().get('/t/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.text).not.toContain('rel="preload"');
  });

  it('answers a private topic or category with the very page of a missing one (404, byte for byte)', async () => {
    const missing = await t.http().get('/t/00000000-0000-4000-8000-000000000000').expect(404);
    const hidden = await t.http().get(`/t/${privateTopic}`).expect(404);
    expect(hidden.text).toBe(missing.text);
    expect((await t.http().get('/t/not-an-id').expect(404)).text).toBe(missing.text);
    expect((await t.http().get(`/c/${privateCategory}`).expect(404)).text).toBe(missing.text);
    expect((await t.http().get('/c/00000000-0000-4000-8000-000000000000').expect(404)).text).toBe(missing.text);
    expect(missing.text).toContain('This page does not exist.');
    // A link that cannot be right is a 400 page, never a 500.
    await t.http().get(`/t/${topic.id}?cursor=%00`).expect(400);
    await t.http().get(`/t/${topic.id}?before=abc`).expect(400);
    await t.http().get(`/t/x/${topic.id}/-1`).expect(400);
  });

  it('shows a guest nothing of a private space on the home or category pages', async () => {
    const pages = await Promise.all(['/', `/c/${category}`, `/t/${topic.id}`].map((path) => t.http().get(path).expect(200)));
    for (const page of pages) expect(page.text).not.toContain(SECRET);
    // The staff who can see it get the client, never a server page with it.
    const staff = await t.http().get('/').set('Cookie', 'harbour_session=x').expect(200);
    expect(staff.text).not.toContain(SECRET);
  });

  it('escapes a hostile title everywhere it appears', async () => {
    const hostile = (
      await t.http().post('/api/topics').set(author.auth).send({ categoryId: category, title: HOSTILE, body: 'x' }).expect(201)
    ).body.id as string;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;';
    for (const path of ['/', `/c/${category}`, `/t/${hostile}`]) {
      const page = await t.http().get(path).expect(200);
      expect({ path, escaped: page.text.includes(escaped) }).toEqual({ path, escaped: true });
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('<img src=x');
    }
  });

  it('renders nothing for a guest when the site asks everyone to sign in', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: true }).expect(200);
    try {
      for (const path of ['/', `/c/${category}`, `/t/${topic.id}`, `/t/${privateTopic}`]) {
        const page = await t.http().get(path).expect(200);
        expect(page.text).toContain('<div id="root"></div>');
        expect(page.text).not.toContain('Harm reduction');
      }
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: false }).expect(200);
    }
  });
});
