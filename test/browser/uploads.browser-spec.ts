import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { screenshot } from '../support/uploads';

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
  // Strings, as the other browser tests write page code: this project's test types have no DOM.
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('pictures and files in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let topicUrl: string;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { username: 'keeper' });
    await newMember(t, { username: 'rosa' });
    const topic = await newTopic(t, admin, await newCategory(t, admin, 'Drug checking'));
    topicUrl = `${t.baseUrl}/t/${topic.id}`;
    // The smallest limit there is: a file above it is quick to make.
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ uploadMaxMb: 1 }).expect(200);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('attaches a picture to a reply on a phone, asks for its description, and shows it in a lightbox', async () => {
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

    // The reply's own answer is held back: the post arrives first by the socket, as on a loaded server, and the
    // reader opens its picture while the composer still counts the text as unsaved. The leave guard asked "leave
    // this page?" for the picture's link then, and the lightbox did not open (seen once in a full run).
    let answerReply!: () => void;
    const replyAnswered = new Promise<void>((resolve) => (answerReply = resolve));
    await rosa.route(
      (url) => /^\/api\/topics\/[^/]+\/posts$/.test(url.pathname),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch();
        await replyAnswered;
        await route.fulfill({ response });
      },
    );
    await reply.getByRole('button', { name: 'Post the reply' }).click();
    const picture = rosa.locator('article.post .post-body a.upload-image img');
    await picture.waitFor();
    expect(await picture.getAttribute('alt')).toBe('A test strip [two lines]');
    // Loaded: the thumbnail is served to its uploader and decodes as a picture.
    await waitForPageExpression(
      rosa,
      "(() => { const img = document.querySelector('article.post a.upload-image img'); return img !== null && img.complete && img.naturalWidth > 0; })()",
    );
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
    expect(await rosa.evaluate<boolean>("document.activeElement?.matches('article.post a.upload-image') === true")).toBe(true);
    answerReply();
    // The answer comes: the composer empties, its text now kept in the post.
    await waitForPageExpression(rosa, "document.querySelector('.reply-box textarea')?.value === ''");
    await rosa.context().close();
  });

  it('in French: uploads a dropped document with a warning, a pasted decorative picture, says why files are refused, and the admin sets the limits', async () => {
    const keeper = watchOffHostRequests(await signIn(b, t.baseUrl, 'keeper', undefined, 'fr-FR'), t.baseUrl, offHost);
    const sent: string[] = [];
    keeper.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/uploads')) sent.push(request.url());
    });
    await keeper.goto(topicUrl);
    const reply = keeper.locator('.reply-box form.composer');
    const box = reply.getByLabel('Votre réponse');
    await box.fill('Results: ');

    // Dropped on the composer: a document goes in as a link, with the warning that its metadata stays.
    await keeper.evaluate(`(() => {
      const files = new DataTransfer();
      files.items.add(new File(['%PDF-1.4\\n%%EOF\\n'], 'results.pdf', { type: 'application/pdf' }));
      document.querySelector('.reply-box form.composer').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    })()`);
    await reply
      .getByRole('status')
      .filter({
        hasText:
          '« results.pdf » est partagé tel quel : ses métadonnées cachées (nom de l’auteur·rice, modifications, commentaires) ne sont pas retirées.',
      })
      .waitFor();
    expect(await box.inputValue()).toMatch(/^Results: \[results\.pdf\]\(\/api\/uploads\/[0-9a-f-]{36}\)$/);

    // Pasted into the text: a picture marked decorative goes in with an empty description.
    await keeper.evaluate(`(() => {
      const textarea = document.querySelector('.reply-box form.composer textarea');
      textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      const clipboard = new DataTransfer();
      clipboard.items.add(new File([new Uint8Array(${JSON.stringify(Array.from(await screenshot()))})], 'image.png', { type: 'image/png' }));
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    })()`);
    const dialog = keeper.getByRole('dialog', { name: 'Décrire l’image' });
    await dialog.getByLabel('Cette image est décorative : elle n’apporte rien qu’une description devrait dire').check();
    await dialog.getByRole('button', { name: 'Insérer l’image' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toMatch(/\)!\[\]\(\/api\/uploads\/[0-9a-f-]{36}\)$/);
    expect(sent).toHaveLength(2);

    // Above the site's limit (1 MB here): refused before a byte is sent. A web page: refused by the server (415).
    const picker = reply.locator('input[type="file"]');
    await picker.setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(1024 * 1024 + 1) });
    await reply.getByRole('alert').filter({ hasText: '« scan.jpg » dépasse la limite de ce site : 1 Mo.' }).waitFor();
    expect(sent).toHaveLength(2);
    await picker.setInputFiles({
      name: 'flyer.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await reply.getByRole('alert').filter({ hasText: '« flyer.svg » a été refusé : ce site accepte les images' }).waitFor();
    expect(sent).toHaveLength(3);

    await reply.getByRole('button', { name: 'Publier la réponse' }).click();
    const chip = keeper.locator('article.post .post-body a.attachment', { hasText: 'results.pdf' });
    await chip.waitFor();
    expect(await keeper.locator('article.post .post-body a.upload-image img[alt=""]').count()).toBe(1);
    // Sent: the warnings were about that post and go with it (once the send is answered; the post itself may come
    // first, over the socket).
    await reply.getByRole('status').filter({ hasText: 'results.pdf' }).waitFor({ state: 'detached' });

    // The limits are the admin's to set; the composers read the new one.
    await keeper.goto(`${t.baseUrl}/admin/settings`);
    const largest = keeper.getByLabel('Taille maximale d’un fichier, en Mo (1 à 100)');
    expect(await largest.inputValue()).toBe('1');
    expect(await keeper.getByLabel('Fichiers par membre, en Mo (0 : pas de limite)').inputValue()).toBe('500');
    expect(await keeper.getByLabel('Envois par heure, par membre (0 : pas de limite)').inputValue()).toBe('0');
    await largest.fill('2');
    await keeper.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await keeper.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    expect((await t.http().get('/api/site').expect(200)).body).toMatchObject({ uploadMaxMb: 2 });
    expect(offHost).toEqual([]);
    await keeper.context().close();
  });
});
