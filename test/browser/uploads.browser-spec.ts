import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, watchOffHostRequests, type TestBrowser } from '../support/browser';
import { newMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { screenshot } from '../support/uploads';

const WEB_DIR = join(__dirname, '../../dist/web');
// axe-core comes with eslint-plugin-jsx-a11y. Evaluated through the DevTools protocol, which the site's CSP
// (script-src 'self') does not cover, from disk: the page still loads nothing from elsewhere.
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** axe's WCAG A/AA rules on the page as it is now: the violations, each with where it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations;
  });
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('pictures and files in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topicUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const keeper = await newMember(t, { username: 'keeper' });
    await newMember(t, { username: 'rosa' });
    const topic = await newTopic(t, keeper, await newCategory(t, keeper, 'Drug checking'));
    topicUrl = `${t.baseUrl}/t/${topic.id}`;
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('attaches a picture to a reply on a phone, asks for its description, and shows it in a lightbox', async () => {
    const offHost: string[] = [];
    const rosa = watchOffHostRequests(await signIn(b, t.baseUrl, 'rosa', 360), t.baseUrl, offHost);
    await rosa.goto(topicUrl);
    const reply = rosa.locator('.reply-box form.composer');
    await reply.getByLabel('Your reply').fill('The strip tested positive: ');
    await reply.getByRole('button', { name: 'Attach a picture or file' }).waitFor();
    await reply.locator('input[type="file"]').setInputFiles({ name: 'strip.png', mimeType: 'image/png', buffer: await screenshot() });

    // The description is asked for before the picture goes in; an empty one is refused unless decorative.
    const dialog = rosa.getByRole('dialog', { name: 'Describe the picture' });
    await dialog.waitFor();
    expect(await axeViolations(rosa)).toEqual([]);
    await dialog.getByRole('button', { name: 'Insert the picture' }).click();
    await dialog.getByText('Describe the picture, or mark it decorative.').waitFor();
    const description = dialog.getByLabel('Description (alternative text)');
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    await description.fill('A test strip [two lines]');
    await description.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await rosa.getByRole('status').filter({ hasText: '“strip.png” is attached.' }).waitFor();
    const text = await reply.getByLabel('Your reply').inputValue();
    expect(text).toMatch(/^The strip tested positive: !\[A test strip \\\[two lines\\\]\]\(\/api\/uploads\/[0-9a-f-]{36}\)$/);

    await reply.getByRole('button', { name: 'Post the reply' }).click();
    const picture = rosa.locator('article.post .post-body a.upload-image img');
    await picture.waitFor();
    expect(await picture.getAttribute('alt')).toBe('A test strip [two lines]');
    // Loaded: the thumbnail is served to its uploader and decodes as a picture.
    await rosa.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('article.post a.upload-image img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await rosa.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Enter on the picture's link opens it full size; Escape closes it and the focus is back on the link.
    const link = rosa.locator('article.post a.upload-image');
    await link.focus();
    await rosa.keyboard.press('Enter');
    const lightbox = rosa.getByRole('dialog', { name: 'A test strip [two lines]' });
    await lightbox.waitFor();
    expect(await lightbox.locator('img').getAttribute('src')).toBe(await link.getAttribute('href'));
    expect(await lightbox.locator('figcaption').textContent()).toBe('A test strip [two lines]');
    expect(rosa.url()).toBe(topicUrl);
    expect(await axeViolations(rosa)).toEqual([]);
    await rosa.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'detached' });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(offHost).toEqual([]);
    await rosa.context().close();
  });
});
