import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { setMailingSender, tokenFrom } from '../support/mailings';

const noSideScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('mailings in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR, env: { MAILING_RATE: '0' } });
    b = await launchBrowser();
    admin = await newMember(t, { role: 'admin', username: 'site_admin' });
    await setMailingSender(t, admin);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('an admin imports the list, writes a mailing in two languages, previews it, sends it and watches it go, on a phone', async () => {
    const page = watchOffHostRequests(await signIn(b, t.baseUrl, 'site_admin', 360), t.baseUrl, offHost);
    await page.goto(`${t.baseUrl}/admin/subscribers`);
    await page.getByRole('heading', { name: 'Subscribers' }).waitFor();
    const csv =
      'email,locale,consent_source,consent_at\nana@example.org,fr,AGM sign-up,2025-06-01\nsam@example.org,en,AGM sign-up,2025-06-01\nnot-an-address,en,AGM,2025-06-01\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 new, 0 updated, 1 skipped.').waitFor();
    await page.getByText(/Line 4: email "not-an-address"/).waitFor();
    await page.getByText(/2 subscribed/).waitFor();
    await page.getByLabel('Address contains').fill('ana@');
    await page.locator('#main').getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: 'ana@example.org' }).waitFor();
    await page.getByRole('cell', { name: 'sam@example.org' }).waitFor({ state: 'detached' });
    // A complaint forwarded by a provider: the admin stops mail to that address (and could never start it).
    await page.getByLabel('Stop mail to ana@example.org as').selectOption('complained');
    await page.getByRole('button', { name: 'Apply' }).click();
    // Stopping mail cannot be undone from here: asked first (issue 19).
    await page.getByRole('dialog', { name: 'Stop all mail to ana@example.org?' }).getByRole('button', { name: 'Stop mail' }).click();
    await page.getByRole('cell', { name: 'Complained' }).waitFor();
    await page.getByText(/1 complained/).waitFor();
    expect(await noSideScroll(page)).toBe(true);

    await page.goto(`${t.baseUrl}/admin/mailings`);
    await page.getByRole('link', { name: 'New mailing' }).click();
    await page.getByLabel('Subject', { exact: true }).fill('Overdose alert: strong batch');
    await page.getByLabel('Message', { exact: true }).fill('Carry **naloxone** and do not use alone.');
    await page.getByLabel('Subject in French').fill('Alerte surdose : lot puissant');
    await page.getByLabel('Message in French').fill('Ayez de la **naloxone** et ne consommez pas seul·e.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Overdose alert: strong batch' }).waitFor();

    await page.getByRole('group', { name: 'Preview language' }).getByRole('button', { name: 'French' }).click();
    await page.getByText('Alerte surdose : lot puissant').waitFor();
    await page.locator('.mail-preview').getByText('123 Rue Example', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Send now' }).click();
    // The dialog says how many addresses receive it: ana complained, so only sam.
    const send = page.getByRole('dialog', { name: 'Send “Overdose alert: strong batch” now?' });
    await send.getByText('It goes to 1 address, now.', { exact: false }).waitFor();
    await send.getByRole('button', { name: 'Send to 1 address' }).click();
    await page.getByText('Sent', { exact: true }).first().waitFor();
    await page.getByLabel('1 of 1').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(t.smtp!.countFor('ana@example.org')).toBe(0);
    expect((await t.smtp!.waitFor('sam@example.org')).subject).toBe('Overdose alert: strong batch');
    expect(offHost).toEqual([]);
  });

  it('a visitor subscribes in French, confirms, reads the archive, and unsubscribes with one button', async () => {
    const page = watchOffHostRequests(await (await b.newContext({ locale: 'fr-CA', width: 360 })).newPage(), t.baseUrl, offHost);
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Liens du site' }).getByRole('link', { name: 'S’abonner aux envois' }).click();
    await page.getByLabel('Adresse courriel').fill('lea@example.org');
    expect(await page.getByLabel('Français').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'M’abonner' }).click();
    await page.getByText('Vérifiez lea@example.org').waitFor();

    const confirmation = await t.smtp!.waitFor('lea@example.org');
    await page.goto(`${t.baseUrl}/mailing/confirm?token=${encodeURIComponent(tokenFrom(confirmation.text, '/mailing/confirm'))}`);
    await page.getByText('lea@example.org est abonnée. Merci.').waitFor();

    await page.getByRole('link', { name: 'Envois passés' }).first().click();
    await page.getByRole('link', { name: 'Alerte surdose : lot puissant' }).click();
    await page.getByRole('heading', { name: 'Alerte surdose : lot puissant' }).waitFor();
    await page.getByText('ne consommez pas seul·e').waitFor();
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { name: 'Overdose alert: strong batch' }).waitFor();

    // The footer link of sam's copy: opening it changes nothing; the button does.
    const copy = await t.smtp!.waitFor('sam@example.org');
    await page.goto(`${t.baseUrl}/mailing/unsubscribe?token=${tokenFrom(copy.text, '/mailing/unsubscribe')}`);
    await page.getByText('Ne plus envoyer les envois à sam@example.org ?').waitFor();
    await page.getByRole('button', { name: 'Me désabonner' }).click();
    await page.getByText('sam@example.org ne recevra plus d’envois.').waitFor();
    await page.getByRole('button', { name: 'C’était une erreur : me réabonner' }).waitFor();
    const list = await t.http().get('/api/mailing/subscribers?q=sam@').set(admin.auth).expect(200);
    expect(list.body.items[0].status).toBe('unsubscribed');
    expect(await noSideScroll(page)).toBe(true);
    expect(offHost).toEqual([]);
  });
});
