import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

/** The screens only staff open: a guest's first load must fetch none of their chunks. */
const STAFF_SCREENS = [
  'settings-page',
  'users-page',
  'outbox-page',
  'invitations-page',
  'mailings-page',
  'mailing-page',
  'subscribers-page',
  'review-queue-page',
  'moderation-log-page',
  'member-record-page',
  'watched-words-page',
  // The alert team's screens (issue 20).
  'alert-editor-page',
  'reports-page',
  'alert-team-page',
];

describe('a guest’s first load', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topicId: string;
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    admin = await newMember(t, { role: 'admin' });
    const category = await newCategory(t, admin, 'Peer support');
    const topic = await newTopic(t, admin, category, 'Where are **naloxone** kits handed out?');
    topicId = topic.id;
    await newReply(t, admin, topic.id, 'The pharmacy on Main Street, ask at the counter.');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('reads a topic and follows a link to its category with JavaScript off', async () => {
    const context = await b.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/t/${topicId}`);
    await page.getByText('The pharmacy on Main Street, ask at the counter.').waitFor();
    expect(await page.locator('.post-body strong', { hasText: 'naloxone' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Peer support' }).click();
    await page.getByRole('heading', { level: 1, name: 'Peer support' }).waitFor();
    expect(page.url()).toMatch(/\/c\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: /^Topic number/ }).waitFor();
    await context.close();
  });

  it('with JavaScript, keeps the server page until the client shows its own, and fetches no staff screen', async () => {
    // The split is real (else the check below would pass for nothing): each staff screen is its own file.
    const files = readdirSync(join(WEB_DIR, 'assets'));
    for (const screen of STAFF_SCREENS)
      expect({ screen, built: files.some((file) => file.startsWith(`${screen}-`)) }).toEqual({ screen, built: true });
    const context = await b.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The client's posts are held back until the server page has been looked at: on a busy machine the client
    // could otherwise take over between two of the test's steps (this test once failed so).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldBack = 0;
    await page.route(
      (url) => url.pathname === `/api/topics/${topicId}/posts`,
      async (route) => {
        heldBack += 1;
        await held;
        await route.continue();
      },
    );
    await page.goto(`${t.baseUrl}/t/${topicId}`, { waitUntil: 'domcontentloaded' });
    // The server's page is there at once, readable, before any data request of the client answered.
    expect(await page.locator('#server-page').getByText('The pharmacy on Main Street').isVisible()).toBe(true);
    // …and it is the only page shown: the client's, rendering beside it, stays out of sight (and of the accessibility tree).
    expect(await page.evaluate<string>("getComputedStyle(document.getElementById('root')).display")).toBe('none');
    release();
    await waitForPageExpression(page, `performance.getEntriesByName('harbour:ready').length > 0`);
    expect(await page.locator('#server-page').count()).toBe(0);
    expect(heldBack).toBeGreaterThan(0);
    await page.locator('#root').getByText('The pharmacy on Main Street, ask at the counter.').waitFor();
    // The client's page works: its links navigate in the page, to the home page and on to the category.
    await page.locator('#root .site-name').click();
    await page.locator('#root').getByRole('link', { name: 'Peer support' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Peer support' }).waitFor();
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.filter((path) => STAFF_SCREENS.some((screen) => path.startsWith(`/assets/${screen}-`)))).toEqual([]);
    await context.close();
  });

  it('keeps a press that began on the server’s page: the client takes over after the release, and the tap follows its link', async () => {
    const context = await b.newContext();
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === `/api/topics/${topicId}/posts`,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.goto(`${t.baseUrl}/t/${topicId}`, { waitUntil: 'domcontentloaded' });
    // The reader presses the category's link on the server's page while the client is still waiting for its data…
    const link = page.locator('#server-page').getByRole('link', { name: 'Peer support' }).first();
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // …the client's page gets its data and is ready under the finger (the same link, at the same place)…
    release();
    await page.locator('#root').getByText('The pharmacy on Main Street, ask at the counter.').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    // …but does not replace the server's page mid-press, where the release would land on another element: no click.
    expect(await page.locator('#server-page').count()).toBe(1);
    await page.mouse.up();
    await page.getByRole('heading', { level: 1, name: 'Peer support' }).waitFor();
    await context.close();
  });

  it('stays in the site’s default language after the client takes over, for a browser asking for neither English nor French', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ defaultLocale: 'fr' }).expect(200);
    const context = await b.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/t/${topicId}`);
    await waitForPageExpression(page, `performance.getEntriesByName('harbour:ready').length > 0`);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');
    await page.locator('#root').getByRole('link', { name: 'Aller au contenu' }).waitFor({ state: 'attached' });
    await context.close();
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ defaultLocale: 'en' }).expect(200);
  });
});
