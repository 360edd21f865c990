import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, type TestBrowser, WEB_DIR } from '../support/browser';
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

/**
 * Anonymous posting in the browser (issue 20), at a phone's 360 px: a member posts anonymously and the topic shows
 * "Anonymous 1", never their name; a moderator asks to unmask it from the post's menu; an admin finds the request
 * under the review queue, with Approve. Axe finds nothing on the composer nor on the queue.
 */
describe('anonymous posting in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;
  let category: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    admin = await newMember(t, { role: 'admin', username: 'anon_admin' });
    await newMember(t, { role: 'moderator', username: 'anon_moderator' });
    await newMember(t, { username: 'anon_writer' });
    category = await newCategory(t, admin, 'Ask anything');
    await t.http().patch(`/api/categories/${category}`).set(admin.auth).send({ anonymous: 'allowed' }).expect(200);
  });
  afterAll(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    await b?.close();
    await t?.close();
  });

  it('posts anonymously, shows the label to others, and takes an unmask request to the admins', async () => {
    const writer = await signIn(b, t.baseUrl, 'anon_writer', 360);
    pages.push(writer);
    await writer.goto(`${t.baseUrl}/c/${category}`);
    await writer.getByRole('button', { name: 'New topic' }).click();
    await writer.getByLabel('Title').fill('Is this batch cut with something?');
    await writer.getByLabel('First post').fill('It smelled strange, asking without my name.');
    await writer.getByLabel('Post anonymously').check();
    expect(await axe(writer)).toEqual([]);
    await writer.getByRole('button', { name: 'Start the topic' }).click();
    await writer.getByRole('heading', { name: 'Is this batch cut with something?' }).waitFor();
    const topicUrl = writer.url();

    const moderator = await signIn(b, t.baseUrl, 'anon_moderator', 360);
    pages.push(moderator);
    await moderator.goto(topicUrl);
    const post = moderator.locator('article.post').first();
    await post.getByText('Anonymous 1').waitFor();
    expect(await moderator.locator('main').innerText()).not.toContain('anon_writer');
    await moderator.getByRole('button', { name: 'More actions for post 1' }).click();
    await moderator.getByRole('menuitem', { name: 'Request to unmask' }).click();
    await moderator.getByLabel('Why you need to know (the poster will read this)').fill('Threats against a named worker');
    await moderator.getByRole('button', { name: 'Send the request' }).click();
    await moderator.getByText('Request sent. An admin other than you must approve it.').waitFor();

    const adminPage = await signIn(b, t.baseUrl, 'anon_admin', 360);
    pages.push(adminPage);
    await adminPage.goto(`${t.baseUrl}/moderation`);
    await adminPage.getByRole('heading', { name: 'Unmask requests' }).waitFor();
    await adminPage.getByText('Asked by anon_moderator: “Threats against a named worker”').waitFor();
    await adminPage.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await axe(adminPage)).toEqual([]);
  });
});
