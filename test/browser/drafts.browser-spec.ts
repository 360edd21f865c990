import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';

// axe-core comes with eslint-plugin-jsx-a11y, evaluated through the DevTools protocol (see uploads.browser-spec.ts).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The next dialog the page opens (a confirm, or the browser's own "leave the page?"), answered as told. */
function nextDialog(page: Page, answer: 'accept' | 'dismiss'): Promise<Dialog> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog);
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
  });
}

/**
 * Dana, signed in through the login route (as signIn in support/browser.ts does), opening `path` straight away:
 * the page shows her a composer only if the session took.
 */
async function openAsDana(b: TestBrowser, url: string, options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await b.newContext(options);
  const login = await context.request.post(`${new URL(url).origin}/api/auth/login`, {
    data: { login: 'dana', password: 'correct horse battery' },
  });
  if (login.status() !== 200) throw new Error(`signing dana in answered ${login.status()}`);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe('drafts in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let dana: TestMember;
  let category: string;
  let topicUrl: string;
  /** Dana's second device, kept from the first test for the second. */
  let laptop: Page;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { username: 'keeper' });
    dana = await newMember(t, { username: 'dana' });
    category = await newCategory(t, admin, 'Housing');
    topicUrl = `${t.baseUrl}/t/${(await newTopic(t, admin, category)).id}`;
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('keeps a reply typed on one device and offers it back on another, until it is posted', async () => {
    const phone = await openAsDana(b, topicUrl, { width: 360 });
    await phone.locator('.reply-box').getByLabel('Your reply').fill('Half of what I wanted to say');
    await phone.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();

    laptop = await openAsDana(b, topicUrl);
    const reply = laptop.locator('.reply-box');
    await reply.getByRole('status').filter({ hasText: 'You have a draft saved on' }).waitFor();
    expect(await reply.getByLabel('Your reply').inputValue()).toBe('');
    expect(await axeViolations(laptop)).toEqual([]);
    await reply.getByRole('button', { name: 'Restore draft' }).click();
    expect(await reply.getByLabel('Your reply').inputValue()).toBe('Half of what I wanted to say');
    await reply.getByRole('status').filter({ hasText: 'Draft restored.' }).waitFor();

    await reply.getByLabel('Your reply').fill('Half of what I wanted to say, and the rest.');
    await reply.getByRole('button', { name: 'Post the reply' }).click();
    await laptop.locator('article.post').filter({ hasText: 'and the rest.' }).waitFor();
    // Posted: the draft is gone from the server, and the phone is offered nothing on its next visit.
    await t
      .http()
      .get(`/api/drafts/topic:${topicUrl.split('/').pop()!}`)
      .set(dana.auth)
      .expect(404);
    const asked = phone.waitForResponse((response) => response.url().includes('/api/drafts/topic:'));
    await phone.reload();
    expect((await asked).status()).toBe(404);
    await phone.locator('.reply-box').getByLabel('Your reply').waitFor();
    expect(await phone.locator('.reply-box .draft-offer').textContent()).toBe('');
    await phone.context().close();
  });

  it('asks before leaving a page whose text is not saved yet, in the app and out of it', async () => {
    const page = laptop;
    // Saves never arrive: the text stays kept nowhere but on the page.
    await page.route('**/api/drafts/**', (route) => (route.request().method() === 'PUT' ? undefined : route.continue()));
    const box = page.locator('.reply-box').getByLabel('Your reply');
    await box.click();
    await page.keyboard.type('Do not lose me');

    const here = page.url();
    const stay = nextDialog(page, 'dismiss');
    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    const asked = await stay;
    expect([asked.type(), asked.message()]).toEqual(['confirm', 'Your text is not saved yet. Leave this page anyway?']);
    expect(page.url()).toBe(here);
    expect(await box.inputValue()).toBe('Do not lose me');

    const closing = nextDialog(page, 'accept');
    await page.close({ runBeforeUnload: true });
    expect((await closing).type()).toBe('beforeunload');
    await page.context().close();
  });

  it('keeps a new topic’s title and text, in French', async () => {
    const page = await openAsDana(b, `${t.baseUrl}/c/${category}`, { locale: 'fr-FR' });
    await page.getByRole('button', { name: 'Nouveau sujet' }).click();
    await page.getByLabel('Titre', { exact: true }).fill('Logement à Québec');
    await page.getByLabel('Premier message', { exact: true }).fill('Je cherche une chambre');
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Nouveau sujet' }).click();
    // (axe has checked this offer's markup in English above; here its words are French.)
    await page.getByRole('status').filter({ hasText: 'Vous avez un brouillon enregistré le' }).waitFor();
    await page.getByRole('button', { name: 'Reprendre le brouillon' }).click();
    expect([
      await page.getByLabel('Titre', { exact: true }).inputValue(),
      await page.getByLabel('Premier message', { exact: true }).inputValue(),
    ]).toEqual(['Logement à Québec', 'Je cherche une chambre']);
    await page.getByRole('status').filter({ hasText: 'Brouillon repris.' }).waitFor();
    await page.getByRole('button', { name: 'Lancer le sujet' }).click();
    await waitForPageExpression(page, "location.pathname.startsWith('/t/')");
    await t.http().get(`/api/drafts/new-topic:${category}`).set(dana.auth).expect(404);
    await page.context().close();
  });
});
