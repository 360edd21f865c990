import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';
import { longTopic } from '../support/reading';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** The focused element's post number (or its menu item's words), as the page sees it. */
const focusedPost = (page: Page) =>
  page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('data-post-number')");
const focusedText = (page: Page) => page.evaluate<string | null>('document.activeElement && document.activeElement.textContent');
const topOf = (page: Page, number: number) =>
  page.evaluate<number>(`document.querySelector('article[data-post-number="${number}"]').getBoundingClientRect().top`);

describe('reading a long topic from a link to one of its posts', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topic: TopicWithFirstPostDto;
  let nia: TestMember;
  /** One signed-in reader's page for the whole file: each sign-in and first load costs seconds. */
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const keeper = await newMember(t, { username: 'keeper' });
    nia = await newMember(t, { username: 'nia' });
    topic = await longTopic(t, keeper, await newCategory(t, keeper, 'Outreach'), 120);
    page = await signIn(b, t.baseUrl, 'nia');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  });
  afterAll(async () => {
    await page?.context().close();
    await b?.close();
    await t?.close();
  });

  const postUrl = (number: number) => `${t.baseUrl}/t/${topic.slug}/${topic.id}/${number}`;

  it('lands on post 61 focused (even when the topic answers after its posts), loads the posts above without moving it, and copies its link', async () => {
    // The topic answers after its posts (as on a busy server, where this once left post 61 unfocused: the
    // reader was placed while the page still said "Loading").
    const topicAnswer = `${t.baseUrl}/api/topics/${topic.id}`;
    await page.route(topicAnswer, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(postUrl(61));
    await waitForPageExpression(page, `document.activeElement && document.activeElement.getAttribute('data-post-number') === '61'`);
    await page.unroute(topicAnswer);
    const target = page.locator('article[data-post-number="61"]');
    expect(await target.getAttribute('class')).toContain('post-target');
    // At the top of the window, with a few posts above it and none of the topic's start loaded.
    expect(await topOf(page, 61)).toBeGreaterThanOrEqual(-1);
    expect(await topOf(page, 61)).toBeLessThan(50);
    expect(await page.locator('article[data-post-number="56"]').count()).toBe(1);
    expect(await page.locator('article[data-post-number="55"]').count()).toBe(0);

    // Scrolling up to the first loaded post brings the page above, and what the reader sees stays put.
    const before = await page.evaluate<number>(
      `(() => { window.scrollBy(0, document.querySelector('.posts-earlier').getBoundingClientRect().top - 20);
        return document.querySelector('article[data-post-number="61"]').getBoundingClientRect().top; })()`,
    );
    // Pages of 20 (TOPIC_POSTS_PER_PAGE): 56-75 around post 61, then 36-55 above it.
    await page.locator('article[data-post-number="36"]').waitFor({ state: 'attached' });
    expect(Math.abs((await topOf(page, 61)) - before)).toBeLessThanOrEqual(1);
    expect(await page.locator('article.post').count()).toBe(40);

    // Its number is its link; the menu copies the full address and says so.
    expect(await target.getByRole('link', { name: 'Link to post 61' }).getAttribute('href')).toBe(`/t/${topic.slug}/${topic.id}/61`);
    await target.getByRole('button', { name: 'More actions for post 61' }).click();
    await target.getByRole('menuitem', { name: 'Copy link' }).click();
    await target.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(postUrl(61));
  });

  it('runs the post menu by keyboard: arrows, Home, End, Escape back to its button, Enter to choose', async () => {
    // A post's number link goes to its address: the page holding it, that post focused.
    await page.locator('article[data-post-number="40"]').getByRole('link', { name: 'Link to post 40' }).click();
    await waitForPageExpression(page, `document.activeElement && document.activeElement.getAttribute('data-post-number') === '40'`);
    expect([page.url(), await focusedPost(page)]).toEqual([postUrl(40), '40']);
    const post = page.locator('article[data-post-number="40"]');
    const more = post.getByRole('button', { name: 'More actions for post 40' });
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    await more.focus();
    await page.keyboard.press('Enter');
    // A member who may reply, on someone else's post: quote, bookmark, copy link, report; no edit or delete.
    expect(await post.getByRole('menuitem').allTextContents()).toEqual(['Quote', 'Bookmark', 'Copy link', 'Report']);
    expect(await focusedText(page)).toBe('Quote');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Bookmark');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('Report');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Quote');
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate<string | null>("document.activeElement && document.activeElement.getAttribute('aria-label')")).toBe(
      'More actions for post 40',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await post.locator('.badge', { hasText: 'Bookmarked' }).waitFor();
    const bookmarks = await t.http().get('/api/bookmarks').set(nia.auth).expect(200);
    expect(JSON.stringify(bookmarks.body)).toContain('Post 40');
  });

  it('lands on the post of a notification’s link (/t/<id>#post-<postId>), which names the post, not its number', async () => {
    const found = await t.http().get(`/api/topics/${topic.id}/posts?around=112&limit=1`).expect(200);
    const post = (found.body as { items: { id: string; number: number }[] }).items[0]!;
    await page.goto(`${t.baseUrl}/t/${topic.id}#post-${post.id}`);
    await waitForPageExpression(page, `document.activeElement && document.activeElement.getAttribute('data-post-number') === '112'`);
    expect(await page.locator('article[data-post-number="112"]').getAttribute('class')).toContain('post-target');
    // The marked post, its number link and its bar keep their contrast in both themes.
    await page.evaluate(AXE);
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`document.documentElement.setAttribute('data-theme', '${theme}')`);
      const marked = await page.evaluate<string[]>(
        "axe.run('article.post-target', { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => r.violations.map((v) => v.id))",
      );
      expect([theme, marked]).toEqual([theme, []]);
    }
    await page.evaluate("document.documentElement.removeAttribute('data-theme')");
  });

  it('opens a topic at the member’s first unread post, and is clean for axe on a 360 px phone', async () => {
    // The reader's place, as if read up to post 100 on another device (reading only ever moves it forward).
    await sql(
      t.databaseUrl,
      `INSERT INTO topic_reads (user_id, topic_id, last_read_number) VALUES ($1, $2, 100)
       ON CONFLICT (user_id, topic_id) DO UPDATE SET last_read_number = 100`,
      [nia.user.id, topic.id],
    );
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.locator('article[data-post-number="101"]').waitFor();
    await waitForPageExpression(
      page,
      `Math.abs(document.querySelector('article[data-post-number="101"]').getBoundingClientRect().top) < 2`,
    );
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.evaluate(AXE);
    const violations = await page.evaluate<{ id: string }[]>(
      "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })))",
    );
    expect(violations).toEqual([]);
  });
});
