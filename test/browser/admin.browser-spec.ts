import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember } from '../support/factories';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate<string[]>(
    `axe.run('main', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`,
  );
}

describe('administration in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    await newMember(t, { username: 'chief' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, password: string): Promise<Page> {
    const page = await (await b.newContext()).newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Username or email address').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`You are signed in as ${username}.`).waitFor();
    return page;
  }

  // Issue 19: a new site's first admin is walked through its setup, on a phone. First: the site has no categories yet.
  it('first run: names the site, chooses who may join, sets the mailing address, edits the starter categories and makes an event link', async () => {
    const page = await signInAs(b, t.baseUrl, 'chief', 360);
    await page.getByRole('link', { name: 'Set up your site step by step' }).click();
    await page.getByRole('heading', { name: 'Set up your site', level: 1 }).waitFor();

    // Step 1: identity, with a logo judged by its bytes.
    await page.getByText('Step 1 of 5').waitFor();
    await page.getByLabel('Site name', { exact: true }).fill('Réseau Drop-in');
    await page.getByLabel('Description', { exact: true }).fill('Entraide entre personnes qui consomment des drogues.');
    await page.getByLabel('Default language').selectOption('fr');
    const logo = await sharp({ create: { width: 400, height: 100, channels: 4, background: '#1d4e89' } })
      .png()
      .toBuffer();
    await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await page.getByRole('img', { name: 'The site’s logo' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Step 2: each way to join says what it means.
    await page.getByText('Step 2 of 5').waitFor();
    const approval = page.getByRole('radio', { name: 'Admins approve each account' });
    await approval.check();
    expect(await approval.getAttribute('aria-describedby')).toBe('setup-mode-approval');
    await page.getByText('an admin is told and lets each one in', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Step 3: the postal address CASL asks for.
    await page.getByText('Step 3 of 5').waitFor();
    await page.getByLabel('Sender’s mailing address').fill('123 Rue Example, Montréal QC');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Step 4: the harm-reduction preset in the site's language (French), edited before it is created.
    await page.getByText('Step 4 of 5').waitFor();
    await page.getByRole('checkbox', { name: 'Create “Politiques et défense des droits”' }).uncheck();
    const resources = page.getByRole('group', { name: 'Create “Ressources”' });
    await resources.getByLabel('Name', { exact: true }).fill('Ressources locales');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the ticked categories' }).click();

    // Step 5: a link for a workshop, then done.
    await page.getByText('Step 5 of 5').waitFor();
    await page.getByLabel('How many accounts the link may open').fill('12');
    await page.getByRole('button', { name: 'Make the link' }).click();
    const link = await page.getByLabel('Link to share').inputValue();
    expect(link).toContain('/sign-up?invitation=');
    await page.getByRole('button', { name: 'Finish setup' }).click();

    await page.getByRole('link', { name: 'Ressources locales' }).waitFor();
    await waitForPageExpression(page, `document.title.endsWith(' · Réseau Drop-in')`);
    expect(await page.locator('header .site-name').innerText()).toBe('Réseau Drop-in');
    expect(await page.locator('header img.site-logo-uploaded').count()).toBe(1);

    const settings = await t.http().get('/api/site').expect(200);
    expect(settings.body).toMatchObject({ siteName: 'Réseau Drop-in', defaultLocale: 'fr', registrationMode: 'approval' });
    const categories = await t.http().get('/api/categories').expect(200);
    expect((categories.body.items as { name: string }[]).map((c) => c.name).sort()).toEqual(
      ['Annonces', 'Analyse de drogues et alertes', 'Soutien entre pairs', 'Ressources locales'].sort(),
    );
    const invitations = await t.http().post('/api/auth/login').send({ login: 'chief', password: 'correct horse battery' }).expect(200);
    const list = await t.http().get('/api/admin/invitations').set('Authorization', `Bearer ${invitations.body.token}`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ uses: 12, usedCount: 0 })]);
    const admin = await t.http().get('/api/admin/settings').set('Authorization', `Bearer ${invitations.body.token}`).expect(200);
    expect(admin.body).toMatchObject({ setupDone: true, mailingAddress: '123 Rue Example, Montréal QC' });
    await page.context().close();
  });

  it('makes the site invitation-only, invites someone by link, and they join through it', async () => {
    const admin = await signIn('chief', 'correct horse battery');
    await admin.getByRole('button', { name: 'Account menu for chief' }).click();
    await admin.getByRole('link', { name: 'Site settings' }).click();
    await admin.getByRole('radio', { name: 'By invitation only' }).check();
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('status').getByText('Saved.').waitFor();

    await admin.getByRole('button', { name: 'Account menu for chief' }).click();
    await admin.getByRole('link', { name: 'Invitations' }).click();
    await admin.getByRole('button', { name: 'Create the invitation' }).click();
    const link = await admin.getByLabel('Invitation link (shown only now)').inputValue();
    expect(link).toContain('/sign-up?invitation=');

    const guest = await (await b.newContext()).newPage();
    await guest.goto(`${t.baseUrl}/sign-up`);
    await guest.getByText('Registration on this site is by invitation only.').waitFor();
    await guest.goto(link.replace(t.config.publicUrl, t.baseUrl));
    await guest.getByText('You were invited: create your account below.').waitFor();
    await guest.getByLabel('Username').fill('newcomer');
    await guest.getByLabel('Email address').fill('newcomer@example.org');
    await guest.getByLabel('Password').fill('a good long password');
    await guest.getByRole('button', { name: 'Create my account' }).click();
    // A link shared by hand proves no address: the newcomer confirms theirs, then signs in.
    await guest.getByText('Almost there: we sent a link to newcomer@example.org.', { exact: false }).waitFor();
    const mail = await t.smtp!.waitFor('newcomer@example.org');
    const confirm = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mail.text)![0];
    await guest.goto(confirm.replace(t.config.publicUrl, t.baseUrl));
    await guest.getByText('Your email address is confirmed.').waitFor();
    await guest.getByRole('link', { name: 'Continue' }).click();
    await guest.getByLabel('Username or email address').fill('newcomer');
    await guest.getByLabel('Password').fill('a good long password');
    await guest.getByRole('button', { name: 'Sign in' }).click();
    await guest.getByText('You are signed in as newcomer.').waitFor();

    await admin.reload();
    await admin.getByText('used on', { exact: false }).waitFor();
    await guest.context().close();
    await admin.context().close();
  });

  it('finds a member and makes them a moderator', async () => {
    const admin = await signIn('chief', 'correct horse battery');
    await admin.goto(`${t.baseUrl}/admin/users`);
    await admin.getByLabel('Search by username or email').fill('newcomer');
    // Wait for the search's own answer: a list answer still in flight could otherwise land after the change.
    const searched = admin.waitForResponse(
      (response) => response.url().includes('/api/admin/users?') && response.url().includes('q=newcomer'),
    );
    await admin.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await searched;
    const role = admin.getByLabel('Role of newcomer');
    const patched = admin.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes('/api/admin/users/'),
    );
    await role.selectOption('moderator');
    // A role change is asked first, saying what a moderator may do (issue 19).
    const dialog = admin.getByRole('dialog', { name: 'Make newcomer Moderator?' });
    await dialog.getByText('A moderator sees reports', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Change the role' }).click();
    expect((await patched).status()).toBe(200);
    // The list is read again after the change; the select shows what the server now says.
    for (let tries = 0; tries < 50 && (await role.inputValue()) !== 'moderator'; tries++) await admin.waitForTimeout(100);
    expect(await role.inputValue()).toBe('moderator');
    const me = await t.http().post('/api/auth/login').send({ login: 'newcomer', password: 'a good long password' }).expect(200);
    expect(me.body.user.role).toBe('moderator');
    await admin.context().close();
  });
});
