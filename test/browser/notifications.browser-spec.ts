import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import {
  launchBrowser,
  signIn as signInAs,
  waitForPageExpression,
  watchOffHostRequests,
  type TestBrowser,
  WEB_DIR,
} from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

describe('live topics and notifications in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let keeper: TestMember;
  let rosa: TestMember;
  let categoryId: string;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    keeper = await newMember(t, { username: 'keeper' });
    rosa = await newMember(t, { username: 'rosa' });
    categoryId = await newCategory(t, keeper, 'Peer support');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number, locale?: string): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width, locale), t.baseUrl, offHost);
  }

  it('shows a reply live with a marker, rings the bell, and leads to the post', async () => {
    const topic = await newTopic(t, keeper, categoryId, 'Who has test strips this week?');
    // (newTopic titles the topic itself; the words above are its first post.)
    const page = await signIn('keeper');
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByRole('heading', { name: topic.title }).waitFor();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    await page.getByText('Live: new replies appear by themselves').waitFor();

    // Someone else, elsewhere: the reply arrives over the socket, without reloading or jumping.
    await newReply(t, rosa, topic.id, 'The clinic on Main St has **plenty**.');
    await page.locator('.post-body strong', { hasText: 'plenty' }).waitFor();
    const marker = page.getByRole('button', { name: '1 new reply: show it' });
    await marker.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `rosa replied to you in “${topic.title}”` })
      .waitFor();
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    await marker.click();
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toContain('plenty');

    await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    // By keyboard, as a screen-reader user would.
    await page
      .getByRole('main')
      .getByRole('link', { name: /Unread: rosa replied to you/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: topic.title }).waitFor();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
  });

  it('shows edits, deletions and who is typing, live', async () => {
    const topic = await newTopic(t, keeper, categoryId, 'Overdose response training');

    const reply = await newReply(t, rosa, topic.id, 'I can run the session on Friday.');
    const reader = await signIn('keeper');
    await reader.goto(`${t.baseUrl}/t/${topic.id}`);
    await reader.getByText('I can run the session on Friday.').waitFor();
    await reader.getByText('Live: new replies appear by themselves').waitFor();
    const writer = await signIn('rosa');
    await writer.goto(`${t.baseUrl}/t/${topic.id}`);
    await reader.getByText('2 reading').waitFor();
    await writer.getByLabel('Your reply').fill('Typing a long answer');
    await reader.getByText('rosa is typing…').waitFor();

    await t.http().patch(`/api/posts/${reply.id}`).set(rosa.auth).send({ body: 'I can run it on Saturday instead.' }).expect(200);
    await reader.getByText('I can run it on Saturday instead.').waitFor();
    await t.http().delete(`/api/posts/${reply.id}`).set(rosa.auth).expect(204);
    await reader.getByText('I can run it on Saturday instead.').waitFor({ state: 'detached' });
  });

  it('keeps notification preferences, on a phone and in French', async () => {
    const page = await signIn('rosa', 360);
    await page.goto(`${t.baseUrl}/settings/notifications`);
    await page.getByRole('heading', { name: 'Notification preferences' }).waitFor();
    await page.getByLabel('Mentions of you').selectOption('none');
    await page.getByLabel('Summary email of unread notifications').selectOption('weekly');
    await page.getByLabel('Discreet emails').check();
    await page.getByLabel('Show details in push').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Your preferences are saved.').waitFor();
    const saved = await t.http().get('/api/notifications/preferences').set(rosa.auth).expect(200);
    expect(saved.body).toMatchObject({
      deliveries: { mention: 'none', reply: 'both' },
      digest: 'weekly',
      discreetEmails: true,
      pushDetails: true,
    });
    // This device's switch: headless Chromium has no push service to subscribe to, so only its presence is checked here
    // (test/e2e/push.e2e-spec.ts subscribes devices and decrypts what they receive).
    await page.getByRole('switch', { name: 'Push notifications on this device' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const french = await signIn('keeper', undefined, 'fr-FR');
    await french.goto(`${t.baseUrl}/notifications`);
    await french.getByRole('heading', { name: 'Notifications' }).waitFor();
    await french.getByRole('link', { name: 'Préférences de notification' }).first().click();
    await french.getByLabel('Réponses à vos messages').waitFor();
    await french.getByRole('switch', { name: 'Notifications push sur cet appareil' }).waitFor();
    expect(offHost).toEqual([]);
  });

  it('is installable: a linked, valid manifest and a service worker for the whole site that keeps hashed assets only', async () => {
    // A context of its own that lets the service worker run (the others block it: support/browser.ts).
    const context = await b.newContext({ serviceWorkers: 'allow' });
    await context.request.post(`${t.baseUrl}/api/auth/login`, { data: { login: 'keeper', password: keeper.password } });
    const page = watchOffHostRequests(await context.newPage(), t.baseUrl, offHost);
    await page.goto(`${t.baseUrl}/`);
    await page.getByText('You are signed in as keeper.').waitFor();
    expect(await page.evaluate<string | null>('document.querySelector(\'link[rel="manifest"]\')?.getAttribute("href") ?? null')).toBe(
      '/manifest.webmanifest',
    );
    const manifest = await page.request.get(`${t.baseUrl}/manifest.webmanifest`);
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const body = (await manifest.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string }[] };
    expect(body).toMatchObject({ name: 'Harbour', start_url: '/', scope: '/', display: 'standalone' });
    expect(body.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of body.icons) {
      const png = await page.request.get(`${t.baseUrl}${icon.src}`);
      expect({ src: icon.src, status: png.status(), type: png.headers()['content-type'] }).toEqual({
        src: icon.src,
        status: 200,
        type: 'image/png',
      });
    }
    const worker = await page.request.get(`${t.baseUrl}/sw.js`);
    expect(worker.headers()['cache-control']).toBe('no-cache');

    // Registered by the client, for the whole site, and controlling the page (it claims open pages at once).
    await waitForPageExpression(page, 'navigator.serviceWorker.controller !== null');
    expect(await page.evaluate<string>('navigator.serviceWorker.ready.then((r) => r.scope)')).toBe(`${t.baseUrl}/`);
    // After a visit through it: the hashed assets are kept, and nothing else (no page, no /api answer).
    await page.reload();
    await page.getByText('You are signed in as keeper.').waitFor();
    await page.goto(`${t.baseUrl}/notifications`);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const cached = await page.evaluate<string[]>(
      'caches.keys().then((names) => Promise.all(names.map((name) => caches.open(name).then((cache) => cache.keys())))).then((lists) => lists.flat().map((request) => new URL(request.url).pathname))',
    );
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((path) => !path.startsWith('/assets/'))).toEqual([]);
    expect(offHost).toEqual([]);
    await context.close();
  });
});
