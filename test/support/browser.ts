import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestBrowser {
  browser: Browser;
  /**
   * A fresh context. Service workers are blocked unless asked for: a page controlled by the site's worker
   * (apps/web/public/sw.js) gets its cached assets past `page.route`, which tests that refuse scripts rely on;
   * the suite that tests the worker itself allows it.
   */
  newContext(options?: { locale?: string; width?: number; serviceWorkers?: 'allow' | 'block' }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (no browser download is possible here), headless, with no background traffic: its headless
 * shell (package chromium-headless-shell, the same engine without the full browser around it) where installed,
 * which cost the browser suites about a quarter less CPU than the full browser in headless mode; npm test is
 * CPU-bound on 2 cores. playwright gives each launch a fresh, throw-away profile.
 */
const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    newContext: ({ locale = 'en-US', width = 1024, serviceWorkers = 'block' } = {}) =>
      browser.newContext({ locale, viewport: { width, height: 800 }, serviceWorkers }),
    close: () => browser.close(),
  };
}

/**
 * Signs a member (made by newMember, so with its password) in, as a returning visitor whose browser holds
 * the session cookies: the login route sets them in the page's own cookie jar, then the home page loads and
 * shows the member signed in. The sign-in screen itself is tested where it is the subject (accounts,
 * self-service, two-factor, admin and moderation browser suites); going through it here too cost every
 * browser test a page load and a form per member.
 */
export async function signIn(b: TestBrowser, baseUrl: string, username: string, width?: number, locale?: string): Promise<Page> {
  const context = await b.newContext({ width, locale });
  const page = await context.newPage();
  const login = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { login: username, password: 'correct horse battery' },
  });
  if (login.status() !== 200) throw new Error(`signing ${username} in answered ${login.status()}: ${await login.text()}`);
  await page.goto(`${baseUrl}/`);
  const french = locale?.startsWith('fr');
  await page.getByText(french ? `Vous êtes connecté·e en tant que ${username}.` : `You are signed in as ${username}.`).waitFor();
  return page;
}

/**
 * Records every request a page makes to another host than the site (the client must load nothing from
 * elsewhere). Watching starts when called: sign in first, the sign-in screen has its own check.
 */
export function watchOffHostRequests(page: Page, baseUrl: string, offHost: string[]): Page {
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) offHost.push(request.url());
  });
  return page;
}

/**
 * Waits until `expression` (page code as a string: the tests' types have no DOM) is true in the page. Not
 * `page.waitForFunction(string)`: after a first false answer it polls by `eval` inside the page, which the
 * site's CSP (no 'unsafe-eval') refuses — a wait that passed only when the page was already ready. Each poll
 * here is an `evaluate`, which the page's CSP does not govern.
 */
export async function waitForPageExpression(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The built client the browser suites serve: dist/web, or HARBOUR_WEB_DIR (a client built elsewhere, so that one
 * engineer's `vite build` does not swap the files under another's running browser tests).
 */
export const WEB_DIR = process.env.HARBOUR_WEB_DIR ?? join(__dirname, '../../dist/web');

const AXE_SOURCE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA violations on the page ("rule: targets"), evaluated through the DevTools protocol (the
 * CSP does not cover it). The one copy new suites use; older suites still carry their own.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`,
  );
}
