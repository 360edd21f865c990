import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { inDays } from '../support/moderation';
import { waitForNotifications } from '../support/anonymous';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page, selector = 'body'): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate<string[]>(
    `axe.run(${JSON.stringify(selector)}, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`,
  );
}

/** Members under sanction are told before they type (issue 19): the silence banner, no composer, appeal at sign-in; the log in words. */
describe('members under sanction in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let mod: TestMember;
  let sam: TestMember;
  let categoryId: string;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { role: 'admin', username: 'site_admin' });
    mod = await newMember(t, { role: 'moderator', username: 'mod_june' });
    sam = await newMember(t, { username: 'quiet_sam' });
    categoryId = await newCategory(t, admin, 'Peer support');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('a member silenced while reading loses the composer at once and sees the banner, with the message and end date, on every page', async () => {
    const topic = await newTopic(t, mod, categoryId, 'Where to get naloxone');
    const page = await signIn(b, t.baseUrl, 'quiet_sam', 360);
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByRole('button', { name: 'Post the reply' }).waitFor();
    const until = inDays(2);
    await t
      .http()
      .post(`/api/moderation/users/${sam.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'silence', reason: 'Please cool down for two days', until })
      .expect(201);
    // Heard live: no reload, and the composer is gone before the member types a word.
    const banner = page.locator('.silenced-banner');
    await banner.getByText('The moderators’ message: “Please cool down for two days”').waitFor();
    await page.getByRole('button', { name: 'Post the reply' }).waitFor({ state: 'detached' });
    const date = new Date(until).toLocaleString('en', { dateStyle: 'long', timeStyle: 'short' });
    expect(await banner.textContent()).toContain(`You are silenced until ${date}`);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await axe(page)).toEqual([]);
    // Every page: the category has no "New topic", the home page says it too.
    await page.goto(`${t.baseUrl}/c/${categoryId}`);
    await page.getByRole('heading', { name: 'Peer support' }).waitFor();
    await banner.waitFor();
    expect(await page.getByRole('button', { name: 'New topic' }).count()).toBe(0);
    await page.goto(`${t.baseUrl}/`);
    await banner.getByRole('link', { name: 'Read the decision or appeal it' }).waitFor();
    // Nor a conversation: the inbox offers none, and the page says why instead of a form to fill in.
    await page.goto(`${t.baseUrl}/messages/new`);
    await page.getByText('You cannot write while you are silenced').waitFor();
    expect(await page.locator('main textarea').count()).toBe(0);
    await page.context().close();
  });

  it('a silence imposed before the tab’s socket listens is heard once it connects: the composer goes all the same', async () => {
    // The socket connects after the first screen shows its data (a weak phone's first load goes there first); a
    // sanction in between reaches no socket. Held here until the sanction is in, as a slow network would.
    const lee = await newMember(t, { username: 'late_lee' });
    const topic = await newTopic(t, mod, categoryId, 'Fentanyl test strips');
    const page = await signIn(b, t.baseUrl, 'late_lee', 360);
    let release: () => void = () => undefined;
    const sanctioned = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket(/\/socket\.io\//, async (socket) => {
      await sanctioned;
      socket.connectToServer();
    });
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByRole('button', { name: 'Post the reply' }).waitFor();
    // Everything the page asks for first (the topic, the member's sanctions) has been answered.
    await page.waitForLoadState('networkidle');
    await t
      .http()
      .post(`/api/moderation/users/${lee.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'silence', reason: 'A pause', until: inDays(1) })
      .expect(201);
    // Told (in app) before the socket connects, so that no live event can carry the news to the tab.
    expect(await waitForNotifications(t, lee, 1)).toHaveLength(1);
    release();
    await page.locator('.silenced-banner').getByText('The moderators’ message: “A pause”').waitFor();
    await page.getByRole('button', { name: 'Post the reply' }).waitFor({ state: 'detached' });
    await page.close();
  });

  it('a suspended member appeals from the sign-in page; the moderator reads the log in sentences, on a phone', async () => {
    const kim = await newMember(t, { username: 'kim_out' });
    await t
      .http()
      .post(`/api/moderation/users/${kim.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'suspend', reason: 'Repeated spam', until: inDays(7) })
      .expect(201);
    const context = await b.newContext({ width: 360 });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Username or email').fill('kim_out');
    await page.getByLabel('Password').fill(kim.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This account is suspended until').waitFor();
    const appeal = page.getByRole('region', { name: 'Appeal this decision' });
    await appeal.getByLabel('Your appeal').fill('Those links were to our own harm-reduction guide.');
    await appeal.getByRole('button', { name: 'Send the appeal' }).click();
    await page.getByText('Your appeal was sent.').waitFor();
    expect(await axe(page)).toEqual([]);
    await context.close();

    const moderator = await signIn(b, t.baseUrl, 'mod_june', 360);
    await moderator.goto(`${t.baseUrl}/moderation/log`);
    const list = moderator.getByRole('list', { name: 'Moderation log' });
    await list.getByText('mod_june suspended kim_out').waitFor();
    await list.getByText('mod_june silenced quiet_sam').waitFor();
    await moderator.getByRole('button', { name: 'Only entries about kim_out' }).click();
    await moderator.getByText('About kim_out').waitFor();
    await waitForPageExpression(moderator, `!document.body.innerText.includes('silenced quiet_sam')`);
    expect(await moderator.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await axe(moderator, 'main')).toEqual([]);
    await moderator.context().close();
  });
});
