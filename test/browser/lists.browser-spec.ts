import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';
import { sql } from '../support/database';

// axe-core comes with eslint-plugin-jsx-a11y, evaluated from disk through the DevTools protocol (see uploads).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('topic lists, bookmarks and notification levels in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;
  let categoryId: string;
  let quietCategoryId: string;
  let followed: TopicWithFirstPostDto;
  let unopened: TopicWithFirstPostDto;
  /** Lena's one page, on a 360 px phone: each test goes on from where the last one left it (one sign-in). */
  let page: Page;

  const topic = async (title: string) =>
    (await t.http().post('/api/topics').set(admin.auth).send({ categoryId, title, body: 'First post' }).expect(201))
      .body as TopicWithFirstPostDto;

  beforeAll(async () => {
    [t, b] = await Promise.all([startTestApp({ webDir: WEB_DIR }), launchBrowser()]);
    admin = await newMember(t, { username: 'harbourmaster' });
    const lena = await newMember(t, { username: 'lena' });
    categoryId = await newCategory(t, admin, 'Naloxone');
    quietCategoryId = await newCategory(t, admin, 'Quiet corner');
    followed = await topic('Who carries naloxone on night shifts?');
    unopened = await topic('Training dates');
    // 21 replies (posts 2 to 22) and Lena's 21 bookmarks of them, one more than a page, a second apart (written
    // in SQL: the API's own paths are the e2e suites' subject); Lena has read up to post 20, so 2 are unread.
    await sql(
      t.databaseUrl,
      `INSERT INTO posts (topic_id, author_id, body, html, number, created_at)
       SELECT $1, $2, 'Reply number ' || n, '<p>Reply number ' || n || '</p>', n, now() - make_interval(secs => 30 - n)
         FROM generate_series(2, 22) n`,
      [followed.id, admin.user.id],
    );
    await sql(t.databaseUrl, 'UPDATE topics SET post_count = 22, last_post_at = now() WHERE id = $1', [followed.id]);
    await sql(
      t.databaseUrl,
      `INSERT INTO bookmarks (user_id, post_id, created_at)
       SELECT $1, id, now() - make_interval(secs => 30 - number) FROM posts WHERE topic_id = $2 AND number > 1`,
      [lena.user.id, followed.id],
    );
    await sql(t.databaseUrl, 'INSERT INTO topic_reads (user_id, topic_id, last_read_number) VALUES ($1, $2, 20)', [
      lena.user.id,
      followed.id,
    ]);
    page = await signIn(b, t.baseUrl, 'lena', 360);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('switches lists by URL links that survive a reload and the back button, with an unread badge to the first unread post (360 px, axe clean)', async () => {
    const tabs = page.getByRole('navigation', { name: 'Topic lists' });
    await tabs.getByRole('link', { name: 'Latest' }).waitFor();
    expect(await tabs.getByRole('link', { name: 'Latest' }).getAttribute('aria-current')).toBe('page');

    await tabs.getByRole('link', { name: 'Unread' }).click();
    await page.getByRole('heading', { name: 'Unread topics' }).waitFor();
    expect(new URL(page.url()).search).toBe('?filter=unread');
    const badge = page.getByRole('link', { name: '2 unread posts: go to the first' });
    await badge.waitFor();
    expect(await badge.getAttribute('href')).toBe(`/t/${followed.slug}/${followed.id}/21`);
    expect(await page.getByRole('link', { name: 'Training dates' }).count()).toBe(0);
    expect(await overflow(page)).toBe(0);

    await page.reload();
    await page.getByRole('heading', { name: 'Unread topics' }).waitFor();
    expect(await tabs.getByRole('link', { name: 'Unread' }).getAttribute('aria-current')).toBe('page');

    await tabs.getByRole('link', { name: 'New' }).click();
    await page.getByRole('heading', { name: 'New topics' }).waitFor();
    const row = page.locator('.topic-row', { has: page.getByRole('link', { name: 'Training dates' }) });
    await row.getByText('New', { exact: true }).waitFor();
    expect(await row.locator('time').getAttribute('datetime')).toBe(unopened.lastPostAt);
    await page.goBack();
    await page.getByRole('heading', { name: 'Unread topics' }).waitFor();

    await tabs.getByRole('link', { name: 'Top' }).click();
    const periods = page.getByRole('navigation', { name: 'Period' });
    await periods.getByRole('link', { name: 'This month' }).click();
    await waitForPageExpression(page, "location.search === '?filter=top&period=month'");
    expect(await periods.getByRole('link', { name: 'This month' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Who carries naloxone on night shifts?' }).waitFor();
    // One axe run for the lists: this page has the tabs, the periods, a row's category, avatar and unread badge.
    await page.getByRole('link', { name: '2 unread posts: go to the first' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);

    // An empty list says so, in words.
    await page.goto(`${t.baseUrl}/c/${quietCategoryId}?filter=unread`);
    await page.getByText('No unread topics').waitFor();
  });

  it('mutes a category from its level menu with the keyboard alone, and the choice stays after a reload', async () => {
    await page.goto(`${t.baseUrl}/c/${categoryId}`);
    const button = page.getByRole('button', { name: 'Notifications: Normal' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Notifications for this category' });
    await menu.waitFor();
    // Focus starts on the current level; each choice says what it does.
    await waitForPageExpression(page, "document.activeElement?.getAttribute('aria-checked') === 'true'");
    expect(await page.evaluate<string>('document.activeElement.textContent')).toContain('Normal');
    expect(await menu.getByRole('menuitemradio', { name: 'Muted' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('End');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toContain('Never notified about topics here.');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Notifications set to Muted.' }).waitFor();
    await page.getByRole('button', { name: 'Notifications: Muted' }).waitFor();
    expect(await page.evaluate<string>("document.activeElement?.getAttribute('aria-haspopup')")).toBe('menu');

    await page.reload();
    await page.getByRole('button', { name: 'Notifications: Muted' }).waitFor();
    await page.getByRole('button', { name: 'Notifications: Muted' }).click();
    expect(await menu.getByRole('menuitemradio', { name: 'Muted' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await overflow(page)).toBe(0);
  });

  it('lists bookmarks from the account menu, a page at a time, each linking to its post', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('link', { name: 'Bookmarks' }).click();
    await page.getByRole('heading', { name: 'Bookmarks', level: 1 }).waitFor();
    const links = page.locator('.bookmark-title a');
    await waitForPageExpression(page, "document.querySelectorAll('.bookmark-title a').length === 20");
    expect(await links.first().getAttribute('href')).toBe(`/t/${followed.slug}/${followed.id}/22`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Show more bookmarks' }).click();
    await waitForPageExpression(page, "document.querySelectorAll('.bookmark-title a').length === 21");
    expect(await links.last().getAttribute('href')).toBe(`/t/${followed.slug}/${followed.id}/2`);
    expect(await page.getByRole('button', { name: 'Show more bookmarks' }).count()).toBe(0);
  });
});
