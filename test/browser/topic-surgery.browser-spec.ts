import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { newGroup, newGroupCategory } from '../support/groups';

const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** A moderator splits and merges threads on a 360 px phone; a merged topic's old address leads to its heir. */
describe('topic surgery in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topic: TopicWithFirstPostDto;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { role: 'admin' });
    await newMember(t, { role: 'moderator', username: 'mira' });
    const alice = await newMember(t, { username: 'alice' });
    const categoryId = await newCategory(t, admin, 'Peer support');
    topic = await newTopic(t, alice, categoryId, 'Where to find naloxone?');
    const aside = await newReply(t, alice, topic.id, 'Off topic: the bus strike');
    await newReply(t, admin, topic.id, 'Pharmacies on Main Street have it');
    await newReply(t, admin, topic.id, 'The strike ends Friday', aside.id);
    page = await signIn(b, t.baseUrl, 'mira', 360);
  });
  afterAll(async () => {
    await page?.context().close();
    await b?.close();
    await t?.close();
  });

  const axe = async (selector: string) => {
    await page.evaluate(AXE);
    return page.evaluate<string[]>(
      `axe.run(${JSON.stringify(selector)}, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id))`,
    );
  };

  it('selects a post, says what a split does, splits it with its reply and leaves a notice in both threads', async () => {
    await page.goto(`${t.baseUrl}/t/${topic.slug}/${topic.id}`);
    await page.getByRole('button', { name: 'Select posts' }).click();
    // The first post stays with its topic: no box for it.
    expect(await page.getByRole('checkbox', { name: 'Select post 1 to move' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Select post 2 to move' }).check();
    await page.getByText('1 post selected; its replies move with it.').waitFor();
    await page.getByRole('button', { name: 'Split into a new topic…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split into a new topic' });
    await dialog.getByText('1 selected post and every reply below it will leave this topic').waitFor();
    expect(await axe('dialog')).toEqual([]);
    await dialog.getByLabel('Title of the new topic').fill('The bus strike');
    await dialog.getByRole('button', { name: 'Split the posts off' }).click();

    await page.getByText('The posts are now in a new topic:').waitFor();
    await waitForPageExpression(page, `document.querySelectorAll('article.post').length === 2`);
    expect(await page.locator('article.post').allInnerTexts()).toEqual([
      expect.stringContaining('Where to find naloxone?'),
      expect.stringContaining('Pharmacies on Main Street'),
    ]);
    const notice = page.locator('.topic-notices li');
    await notice.getByText('2 posts moved to').waitFor();
    expect(await axe('main')).toEqual([]);

    await notice.getByRole('link', { name: 'The bus strike' }).click();
    await page.getByRole('heading', { name: 'The bus strike' }).waitFor();
    await waitForPageExpression(page, `document.querySelectorAll('article.post').length === 2`);
    expect(await page.locator('article.post').allInnerTexts()).toEqual([
      expect.stringContaining('Off topic: the bus strike'),
      expect.stringContaining('The strike ends Friday'),
    ]);
    await page.locator('.topic-notices li').getByText('Split from').waitFor();
    expect(await page.locator('.topic-notices li a').innerText()).toBe(topic.title);
  });

  it('shows no surgery where the moderator may read but not moderate (a public group’s space: the topic’s can.moderate)', async () => {
    const owner = await newMember(t);
    const group = await newGroup(t, owner, 'public');
    const space = await newGroupCategory(t, owner, group, { access: { see: 'everyone', start: 'members', reply: 'members' } });
    const theirs = await newTopic(t, owner, space, 'Our own space');
    await newReply(t, owner, theirs.id, 'A reply here');
    await page.goto(`${t.baseUrl}/t/${theirs.slug}/${theirs.id}`);
    await waitForPageExpression(page, `document.querySelectorAll('article.post').length === 2`);
    // Every lazy part the page would load has loaded (the tools are one): their absence is then an answer.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('group', { name: 'Topic surgery' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Select posts' }).count()).toBe(0);
  });

  it('merges a topic into one chosen by its pasted link, saying first what happens, and opens its old address on the heir', async () => {
    const from = (await t.http().get(`/api/categories/${topic.categoryId}/topics`).expect(200)).body.items.find(
      (item: { title: string }) => item.title === 'The bus strike',
    ) as { id: string };
    await page.goto(`${t.baseUrl}/t/the-bus-strike/${from.id}`);
    await page.getByRole('button', { name: 'Merge into another topic…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge into another topic' });
    expect(await dialog.getByRole('button', { name: 'Merge the topics' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Find the topic to merge into').fill(`${t.baseUrl}/t/${topic.slug}/${topic.id}`);
    await dialog.getByRole('radio', { name: topic.title }).check();
    await dialog.getByText(`Every post of “The bus strike” will move into “${topic.title}”`).waitFor();
    await dialog.getByRole('button', { name: 'Merge the topics' }).click();
    await waitForPageExpression(page, `location.pathname.endsWith('/${topic.id}')`);
    await page.locator('.topic-notices li').getByText('2 posts merged in from').waitFor();

    await page.goto(`${t.baseUrl}/t/the-bus-strike/${from.id}`);
    await page.getByRole('heading', { name: topic.title }).waitFor();
    await waitForPageExpression(page, `location.pathname.endsWith('/${topic.id}')`);
    // A visitor's server-rendered page of the old address leads there too.
    const guest = await t.http().get(`/t/the-bus-strike/${from.id}`).redirects(0).expect(301);
    expect(guest.headers.location).toBe(`/t/${topic.id}`);
  });
});
