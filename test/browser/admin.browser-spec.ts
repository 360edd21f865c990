import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { newMember } from '../support/factories';

const WEB_DIR = join(__dirname, '../../dist/web');

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
    expect((await patched).status()).toBe(200);
    // The list is read again after the change; the select shows what the server now says.
    for (let tries = 0; tries < 50 && (await role.inputValue()) !== 'moderator'; tries++) await admin.waitForTimeout(100);
    expect(await role.inputValue()).toBe('moderator');
    const me = await t.http().post('/api/auth/login').send({ login: 'newcomer', password: 'a good long password' }).expect(200);
    expect(me.body.user.role).toBe('moderator');
    await admin.context().close();
  });
});
