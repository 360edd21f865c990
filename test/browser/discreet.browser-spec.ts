import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`,
  );
}

const SITE = 'Riverside Harm Reduction';
const TITLE = 'Zebrafentanyl batch near the depot';

/**
 * Discreet mode in the browser (issue 20): the quick exit by its button and by Escape pressed three times
 * lands on the site's quickExitUrl (a page this test serves, so nothing leaves the machine) in place of the
 * page that was open, so Back does not return to it; signing out on leaving really ends the session; a
 * discreet member's tab is neutral on every page; the settings; axe and a 360 px phone.
 */
describe('discreet mode in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let exit: Server;
  let exitUrl: string;
  let admin: TestMember;
  let topicId: string;

  beforeAll(async () => {
    exit = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Sunny</h1></body></html>');
    });
    await new Promise<void>((resolve) => exit.listen(0, '127.0.0.1', resolve));
    exitUrl = `http://127.0.0.1:${(exit.address() as { port: number }).port}/weather`;
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    admin = await newMember(t, { role: 'admin', username: 'siteadmin' });
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: SITE, quickExitUrl: exitUrl }).expect(200);
    const category = await newCategory(t, admin, 'Drug checking');
    const topic = await t
      .http()
      .post('/api/topics')
      .set(admin.auth)
      .send({ categoryId: category, title: TITLE, body: 'Seen at the depot.' })
      .expect(201);
    topicId = (topic.body as { id: string }).id;
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    await new Promise((resolve) => exit?.close(resolve));
  });

  /** The site's cookies a browser holds, as a Cookie header. */
  async function cookieOf(context: BrowserContext): Promise<string> {
    return (await context.cookies(t.baseUrl)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  }

  /** Opens the topic as the tab's second entry (after the blank first one) and waits for the client's page. */
  async function openTopic(page: Page): Promise<number> {
    await page.goto(`${t.baseUrl}/t/${topicId}`);
    await waitForPageExpression(page, `performance.getEntriesByName('harbour:ready').length > 0`);
    return page.evaluate<number>('history.length');
  }

  /** After leaving: on the exit page, the tab's history no longer, and Back does not lead to the topic. */
  async function leftFor(page: Page, before: number): Promise<void> {
    await page.waitForURL(exitUrl);
    await page.getByRole('heading', { name: 'Sunny' }).waitFor();
    expect(await page.evaluate<number>('history.length')).toBe(before);
    await page.goBack();
    expect(page.url()).not.toContain(topicId);
  }

  it('gives a visitor the quick exit, on the server page too, and it leaves in place of the page', async () => {
    // Without JavaScript, the server page's link still leads there.
    const html = (await t.http().get(`/t/${topicId}`).expect(200)).text;
    expect(html).toContain(`<a href="${exitUrl}" class="quick-exit" data-quick-exit`);
    expect(html).toContain('<script src="/quick-exit.js"></script>');

    const page = await (await b.newContext({ width: 360 })).newPage();
    const before = await openTopic(page);
    const button = page.locator('#root').getByRole('link', { name: 'Quick exit' });
    // Seen whole on a phone, and no sideways scrolling for it.
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'))).toBe(0);
    expect(await axe(page)).toEqual([]);
    await button.click();
    await leftFor(page, before);
    await page.context().close();
  });

  it('leaves on Escape pressed three times, typing an unsaved reply too, and signs out the member who chose it', async () => {
    const member = await newMember(t, { username: 'leaver' });
    await t.http().patch('/api/me').set(member.auth).send({ signOutOnQuickExit: true }).expect(200);
    const page = await signIn(b, t.baseUrl, 'leaver');
    const context: BrowserContext = page.context();
    const before = await openTopic(page);
    // The device has learnt the member's choice.
    await waitForPageExpression(page, `localStorage.getItem('harbour.quickExitSignOut') === '1'`);
    // Typing a reply that is not saved yet (its saves never arrive): Escape there counts too, and the
    // composer's "leave this page?" question does not hold the exit.
    await page.route('**/api/drafts/**', (route) => (route.request().method() === 'PUT' ? undefined : route.continue()));
    const reply = page.locator('#root .reply-box').getByLabel('Your reply');
    await reply.click();
    await page.keyboard.type('They are outside, I have to go');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    const cookie = await cookieOf(context);
    await reply.press('Escape');
    await reply.press('Escape');
    // Another key between them starts the count again: three in a row leave.
    await page.keyboard.type('!');
    await reply.press('Escape');
    await reply.press('Escape');
    expect(page.url()).toContain(topicId);
    await reply.press('Escape');
    await leftFor(page, before);
    expect(dialogs).toEqual([]);
    // The keepalive sign-out outlived the page: the session the browser held no longer works (asked with the
    // cookies it had, on a connection of the test's own).
    let status = 200;
    for (const deadline = Date.now() + 5000; status !== 401 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      status = (await t.http().get('/api/me').set('Cookie', cookie)).status;
    }
    expect(status).toBe(401);
    await context.close();
  });

  it('turns discreet mode on from the profile settings: a neutral title and icon on every page, in French too', async () => {
    const member = await newMember(t, { username: 'quiet' });
    const page = await signIn(b, t.baseUrl, 'quiet', 360);
    await openTopic(page);
    expect(await page.title()).toContain(SITE);
    // A member's header keeps the quick exit in sight on a phone, with no sideways scrolling.
    expect(await page.locator('#root').getByRole('link', { name: 'Quick exit' }).isVisible()).toBe(true);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'))).toBe(0);
    await page.goto(`${t.baseUrl}/settings/profile`);
    const group = page.getByRole('group', { name: 'Discreet mode' });
    await group.getByRole('checkbox', { name: 'Discreet mode' }).check();
    await group.getByRole('checkbox', { name: 'Sign me out when I use the quick exit' }).check();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('status').getByText('Your profile is saved.').waitFor();
    expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toMatchObject({ discreet: true, signOutOnQuickExit: true });
    await waitForPageExpression(page, `document.title === 'Notes'`);
    expect(await axe(page)).toEqual([]);

    // A fresh load of each page: neutral from the start, never the site's name nor the topic's title.
    for (const path of [`/t/${topicId}`, '/notifications']) {
      await page.goto(`${t.baseUrl}${path}`);
      expect(await page.title()).toBe('Notes');
      await waitForPageExpression(page, `!document.body.innerText.includes('Loading…')`);
      expect({ path, title: await page.title() }).toEqual({ path, title: 'Notes' });
      expect(await page.locator('link[rel~="icon"]').getAttribute('href')).toBe('/icons/notes.svg');
    }
    expect((await page.context().request.get(`${t.baseUrl}/icons/notes.svg`)).headers()['content-type']).toContain('image/svg+xml');

    // In French: the same neutral title, the button in French.
    await page.evaluate(`localStorage.setItem('harbour.language', 'fr')`);
    await page.goto(`${t.baseUrl}/t/${topicId}`);
    await page.locator('#root').getByRole('link', { name: 'Sortie rapide' }).waitFor();
    expect(await page.title()).toBe('Notes');
    await page.context().close();
  });

  it('lets an admin set the quick-exit address, saying which field is wrong; leaving keeps a member who did not choose otherwise signed in', async () => {
    const page = await signIn(b, t.baseUrl, 'siteadmin');
    await page.goto(`${t.baseUrl}/admin/settings`);
    const field = page.getByLabel('Quick exit address');
    expect(await field.inputValue()).toBe(exitUrl);
    await field.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('quickExitUrl', { exact: false }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe(exitUrl);
    await field.fill(`${exitUrl}?again=1`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe(`${exitUrl}?again=1`);
    expect(await axe(page)).toEqual([]);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ quickExitUrl: exitUrl }).expect(200);

    const before = await openTopic(page);
    await page.locator('#root').getByRole('link', { name: 'Quick exit' }).click();
    await leftFor(page, before);
    await t
      .http()
      .get('/api/me')
      .set('Cookie', await cookieOf(page.context()))
      .expect(200);
    await page.context().close();
  });
});
