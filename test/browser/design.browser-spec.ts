import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
// The page background of each theme (styles.css --color-bg).
const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(17, 20, 24)';

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** axe's WCAG A/AA rules (contrast included) on the page as it is now: the violations, each with where it is. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(AXE);
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const background = (page: Page) => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
const themeAttribute = (page: Page) => page.evaluate<string | null>("document.documentElement.getAttribute('data-theme')");

/** Counts the page's API requests in flight, so a check can wait until a screen's data has arrived. */
function trackApi(page: Page): () => Promise<void> {
  // A set, not a count: requests started before tracking (the sign-in's page load) finish after it starts.
  const inFlight = new Set<unknown>();
  page.on('request', (request) => void (new URL(request.url()).pathname.startsWith('/api/') && inFlight.add(request)));
  page.on('requestfinished', (request) => void inFlight.delete(request));
  page.on('requestfailed', (request) => void inFlight.delete(request));
  return async () => {
    const deadline = Date.now() + 10_000;
    // Idle twice in a row, a frame apart: a screen that just rendered may start its next request.
    for (let idle = 0; idle < 2;) {
      if (Date.now() > deadline) throw new Error('API requests still in flight after 10 s');
      idle = inFlight.size === 0 ? idle + 1 : 0;
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
    }
  };
}

/** Opens `path` as a client-side navigation (no reload: fast) and waits for its heading and its data. */
async function visit(page: Page, idle: () => Promise<void>, path: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
  await waitForPageExpression(
    page,
    `location.pathname + location.search === ${JSON.stringify(path)} && document.querySelector('main h1')`,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${path} shows: ${await page.evaluate<string>("document.querySelector('main')?.innerText ?? ''")}`);
  });
  await idle();
}

/** How much wider than the window the page is (0: nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe('the visual system in the browser: themes, contrast, phones, shortcuts, focus', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topicPath: string;
  let categoryPath: string;
  // One signed-in page per role for the whole file (a sign-in is the slow part), each at 360 px.
  let member: Page;
  let memberIdle: () => Promise<void>;
  let staff: Page;
  let staffIdle: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { role: 'admin', username: 'design_admin' });
    const moderator = await newMember(t, { role: 'moderator', username: 'mod_ines' });
    const nina = await newMember(t, { username: 'nina' });
    const categoryId = await newCategory(t, admin, 'Harm reduction');
    const topic = await newTopic(t, nina, categoryId, 'Where can I find fentanyl test strips near the station?');
    await newReply(t, admin, topic.id, 'The pharmacy on Quay Street has them, ask at the counter.');
    await newReply(t, moderator, topic.id, 'The outreach van too, on Tuesdays.');
    // A staff action, so the moderation log has a row wider than a phone.
    await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ pinned: true }).expect(200);
    topicPath = `/t/${topic.id}`;
    categoryPath = `/c/${categoryId}`;
    [member, staff] = await Promise.all([signIn(b, t.baseUrl, 'nina', 360), signIn(b, t.baseUrl, 'design_admin', 360)]);
    memberIdle = trackApi(member);
    staffIdle = trackApi(staff);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('follows the device’s theme, remembers a chosen one on the device, and has it on <html> before any app code runs', async () => {
    // No service worker: it would serve the app's cached scripts past the refusal below.
    const context = await b.browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${t.baseUrl}/groups`);
    const theme = page.getByLabel('Theme');
    await theme.waitFor();
    expect(await themeAttribute(page)).toBeNull();
    expect(await background(page)).toBe(DARK_BG);

    await theme.selectOption('light');
    expect(await themeAttribute(page)).toBe('light');
    expect(await background(page)).toBe(LIGHT_BG);
    await theme.selectOption('system');
    expect(await themeAttribute(page)).toBeNull();
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate<string | null>("localStorage.getItem('harbour.theme')")).toBeNull();
    await theme.selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(DARK_BG);

    // Reloaded with the app's scripts refused, the page is what the first paint sees: the choice is already there.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    expect(await page.locator('#root').innerHTML()).toBe('');
    expect(await themeAttribute(page)).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
    await context.close();
  });

  it('has no axe violations in light and dark on the home, topic, notifications and moderation log pages at 360 px', async () => {
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      for (const [page, idle, path] of [
        [member, memberIdle, '/'],
        [member, memberIdle, topicPath],
        [member, memberIdle, '/notifications'],
        [staff, staffIdle, '/moderation/log'],
      ] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await visit(page, idle, path);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${scheme} ${path}`] = violations;
      }
    }
    expect(found).toEqual({});
    // A staff table (the moderation log is a list now, issue 19) scrolls inside a named region a keyboard can
    // reach, not the page.
    await visit(staff, staffIdle, '/admin/users');
    const region = staff.getByRole('region', { name: 'Members (table)' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const scrolls = "(() => { const r = document.querySelector('.table-scroll'); return r.scrollWidth > r.clientWidth; })()";
    expect(await staff.evaluate<boolean>(scrolls)).toBe(true);
    expect(await overflow(staff)).toBe(0);
  });

  it('fits a 360 px phone on every main page, for a member and for staff', async () => {
    const pages: [Page, () => Promise<void>, string[]][] = [
      [member, memberIdle, ['/', categoryPath, topicPath, '/messages', '/groups', '/search?q=strips', '/u/nina', '/settings/profile']],
      [
        staff,
        staffIdle,
        [topicPath, '/moderation', '/admin/settings', '/admin/users', '/admin/mailings', '/admin/subscribers', '/admin/watched-words'],
      ],
    ];
    const wide: Record<string, number> = {};
    for (const [page, idle, paths] of pages) {
      for (const path of paths) {
        await visit(page, idle, path);
        const extra = await overflow(page);
        if (extra > 0) wide[path] = extra;
      }
    }
    // French words are longer (Rechercher, Notifications…): the member's main pages again in French.
    // A member's language and theme are in the account menu, which fits a phone too.
    await member.locator('.account-button').click();
    await member.getByLabel('Language', { exact: true }).selectOption('fr');
    if ((await overflow(member)) > 0) wide['account menu'] = await overflow(member);
    await member.keyboard.press('Escape');
    for (const path of ['/', topicPath, '/settings/profile']) {
      await visit(member, memberIdle, path);
      const extra = await overflow(member);
      if (extra > 0) wide[`fr ${path}`] = extra;
    }
    await member.locator('.account-button').click();
    await member.getByLabel('Langue', { exact: true }).selectOption('en');
    await member.keyboard.press('Escape');
    expect(wide).toEqual({});
  });

  it('leaves focus before the skip link on a page load, moves it to the new heading after a navigation, and lists the shortcuts on ?', async () => {
    const page = member;
    await page.goto(`${t.baseUrl}${topicPath}`);
    await page.getByRole('heading', { level: 1, name: /^Topic number/ }).waitFor();
    expect(await page.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('BODY');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Skip to content');
    // A post's "⋯" menu (ui/menu.tsx) by keyboard: ArrowDown opens it on its first item, arrows wrap, Escape
    // closes it and gives focus back to its button.
    const more = page.getByRole('button', { name: 'More actions for post 2' });
    const activeText = () =>
      page.evaluate<string>("(document.activeElement?.getAttribute('role') ?? '') + ':' + (document.activeElement?.textContent ?? '')");
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const first = await activeText();
    expect(first).toMatch(/^menuitem:./);
    await page.keyboard.press('ArrowUp');
    expect(await activeText()).not.toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await activeText()).toBe(first);
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null")).toBe(
      'More actions for post 2',
    );
    // r on a post that has focus replies to that post: its composer opens, focused.
    await page.locator('article.post').nth(1).focus();
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Replying to design_admin' }).waitFor();
    expect(await page.evaluate<boolean>("document.activeElement?.matches('.reply-box textarea') === true")).toBe(true);

    await page.getByRole('link', { name: 'Back to the category' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harm reduction' }).waitFor();
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toBe('page-title');

    // Shortcuts never fire while typing: a ? in the search box is a character.
    await page.getByLabel('Search words').focus();
    await page.keyboard.type('?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const action of ['Search', 'Go to the home page', 'Go to notifications', 'Next post', 'Previous post']) {
      await dialog.getByText(action, { exact: true }).waitFor();
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('/');
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toBe('header-search');
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('g');
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('h');
    await waitForPageExpression(page, "location.pathname === '/'");

    // The footer's button opens the same list, in French too.
    await page.locator('.account-button').click();
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Raccourcis clavier' }).click();
    await page.getByRole('dialog', { name: 'Raccourcis clavier' }).getByText('Aller à l’accueil').waitFor();
  });
});
