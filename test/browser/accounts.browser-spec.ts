import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser, WEB_DIR } from '../support/browser';

describe('accounts in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  /** Requests that left for another host: there must be none. */
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR, smtp: false });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });
  afterEach(() => expect(foreignRequests).toEqual([]));

  async function open(path: string, options?: { locale?: string; width?: number }): Promise<Page> {
    const context = await b.newContext(options);
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(t.baseUrl)) foreignRequests.push(request.url());
    });
    await page.goto(`${t.baseUrl}${path}`);
    return page;
  }

  it('signs up (the first account is the admin), signs out and signs in again', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Username').fill('harbourmaster');
    await page.getByLabel('Email address').fill('master@example.org');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('You are signed in as harbourmaster.').waitFor();

    await page.getByRole('button', { name: 'Account menu for harbourmaster' }).click();
    await page.getByRole('link', { name: 'Site settings' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Username or email address').fill('master@example.org');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You are signed in as harbourmaster.').waitFor();
    await page.context().close();
  });

  it('shows field errors that are announced and focused, then the server’s answer', async () => {
    const page = await open('/sign-up');
    await page.getByRole('button', { name: 'Create my account' }).click();
    const username = page.getByLabel('Username');
    await page.getByText('This field is required.').first().waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('name')).toBe('username');
    expect(await page.getByText('This field is required.').count()).toBe(3);

    await username.fill('HarbourMaster');
    await page.getByLabel('Email address').fill('other@example.org');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('This username is already taken.').waitFor();

    const signIn = await open('/sign-in');
    await signIn.getByLabel('Username or email address').fill('harbourmaster');
    await signIn.getByLabel('Password').fill('not the password');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.getByRole('alert').getByText('The username, email or password is wrong.').waitFor();
    await page.context().close();
    await signIn.context().close();
  });

  it('follows the browser’s language and switches between English and French', async () => {
    const page = await open('/sign-in', { locale: 'fr-CA' });
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByLabel('Nom d’utilisateur ou adresse courriel').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.context().close();
  });

  it('resets a forgotten password through the mail outbox', async () => {
    const member = await open('/forgot-password');
    await member.getByLabel('Email address').fill('master@example.org');
    await member.getByRole('button', { name: 'Send the link' }).click();
    await member.getByText('If an account uses this address, a link is on its way.', { exact: false }).waitFor();

    // The admin (the same person here) reads the outbox, since this site has no SMTP server.
    const admin = await open('/sign-in');
    await admin.getByLabel('Username or email address').fill('harbourmaster');
    await admin.getByLabel('Password').fill('a good long password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('You are signed in as harbourmaster.').waitFor();
    await admin.goto(`${t.baseUrl}/admin/outbox`);
    await admin.getByRole('button', { name: 'Reset your Harbour password' }).first().click({ timeout: 20000 });
    const link = await admin.getByRole('link', { name: /reset-password\?token=/ }).getAttribute('href');
    expect(link).toContain('/reset-password?token=');

    const token = new URL(link!).searchParams.get('token');
    await member.goto(`${t.baseUrl}/reset-password?token=${token!}`);
    await member.getByLabel('New password', { exact: true }).fill('an even better password');
    await member.getByRole('button', { name: 'Save the new password' }).click();
    await member.getByText('Your password is changed', { exact: false }).waitFor();

    await member.goto(`${t.baseUrl}/sign-in`);
    await member.getByLabel('Username or email address').fill('harbourmaster');
    await member.getByLabel('Password').fill('an even better password');
    await member.getByRole('button', { name: 'Sign in' }).click();
    await member.getByText('You are signed in as harbourmaster.').waitFor();
    await member.context().close();
    await admin.context().close();
  });

  it('fits a 360-pixel phone screen without sideways scrolling', async () => {
    const page = await open('/sign-up', { width: 360 });
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
