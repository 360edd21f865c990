import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';

describe('the member’s own account in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let member: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    await newMember(t, { username: 'siteadmin' });
    member = await newMember(t, { username: 'selfserve' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('signs up, is asked to confirm the address, follows the link and signs in; before that, sign-in says why it waits', async () => {
    const page = await (await b.newContext()).newPage();
    await page.goto(`${t.baseUrl}/sign-up`);
    await page.getByLabel('Username').fill('joiner');
    await page.getByLabel('Email address').fill('joiner@example.org');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('Almost there: we sent a link to joiner@example.org.', { exact: false }).waitFor();

    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Username or email address').fill('joiner');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Confirm your email address first', { exact: false }).waitFor();

    const mail = await t.smtp!.waitFor('joiner@example.org');
    const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mail.text)![0];
    await page.goto(link.replace(t.config.publicUrl, t.baseUrl));
    await page.getByText('Your email address is confirmed.').waitFor();
    await page.getByRole('link', { name: 'Continue' }).click();
    await page.getByLabel('Username or email address').fill('joiner');
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You are signed in as joiner.').waitFor();
    await page.context().close();
  });

  it('saves pronouns, a one-paragraph bio and who may write to the member on /settings/profile, with discreet mode off, in French too', async () => {
    const page = await signIn(b, t.baseUrl, 'selfserve');
    await page.goto(`${t.baseUrl}/settings/profile`);
    await page.getByLabel('Pronouns').fill('they/them');
    // The API keeps no line breaks in a bio: the field says so (its description), and Enter gives a space.
    const bio = page.getByRole('textbox', { name: 'About you' });
    const hint = (await bio.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`[id="${hint}"]`).textContent()).toContain('Line breaks are not kept: they become spaces.');
    await bio.fill('');
    await bio.pressSequentially('Peer worker,');
    await bio.press('Enter');
    await bio.pressSequentially('night shifts.');
    expect(await bio.inputValue()).toBe('Peer worker, night shifts.');
    // Discreet mode (issue 20) is offered here, off until the member turns it on (discreet.browser-spec).
    const discreet = page.getByRole('group', { name: 'Discreet mode' });
    expect(await discreet.getByRole('checkbox').count()).toBe(2);
    expect(await discreet.getByRole('checkbox', { name: 'Discreet mode' }).isChecked()).toBe(false);
    // Private conversations do (issue 16): who may start one is chosen here.
    const messagesFrom = page.getByRole('group', { name: 'Who may start a private conversation with you' });
    expect(await messagesFrom.getByRole('radio', { name: 'Every member' }).isChecked()).toBe(true);
    await messagesFrom.getByRole('radio', { name: 'Members of my groups' }).check();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('status').getByText('Your profile is saved.').waitFor();
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body).toMatchObject({ pronouns: 'they/them', bio: 'Peer worker, night shifts.', discreet: false, messagesFrom: 'groups' });

    await page.getByLabel('Language of the site and of your emails').selectOption('fr');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('heading', { name: 'Votre profil' }).waitFor();
    await page.getByLabel('Pronoms').waitFor();
    await page.context().close();
    await t.http().patch('/api/me').set(member.auth).send({ locale: 'en' }).expect(200);
  });

  it('fits every settings page and a profile on a 360 px phone, with no sideways scrolling', async () => {
    const page = await signIn(b, t.baseUrl, 'selfserve', 360);
    const paths = ['profile', 'password', 'email', 'sessions', 'two-factor', 'blocks', 'notifications', 'export', 'delete']
      .map((name) => `/settings/${name}`)
      .concat('/u/selfserve');
    const overflows: Record<string, number> = {};
    for (const path of paths) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.locator('main h1').waitFor();
      await waitForPageExpression(page, "!document.body.innerText.includes('Loading…')");
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
      if (overflow !== 0) overflows[path] = overflow;
    }
    // /settings/profile did: its picture field's file input widened the settings column by 50 px.
    expect(overflows).toEqual({});
    await page.context().close();
  });

  it('tells a member whose mail bounced on every page, in French at 360 px, and clears it when they say it works again', async () => {
    const bounced = await newMember(t, { username: 'bounced' });
    await sql(t.databaseUrl, `UPDATE users SET email_problem = 'bounced', email_problem_at = now(), locale = 'fr' WHERE id = $1`, [
      bounced.user.id,
    ]);
    const page = await signIn(b, t.baseUrl, 'bounced', 360, 'fr');
    await page.goto(`${t.baseUrl}/settings/profile`);
    const banner = page.locator('.email-problem-banner');
    await banner.getByText('nous reviennent non distribués', { exact: false }).waitFor();
    await banner.getByRole('link', { name: 'Changer mon adresse courriel' }).waitFor();
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'))).toBe(0);
    await page.evaluate(AXE);
    const violations = await page.evaluate<string[]>(
      `axe.run('.email-problem-banner', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id))`,
    );
    expect(violations).toEqual([]);
    await banner.getByRole('button', { name: 'Mon adresse fonctionne de nouveau' }).focus();
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    expect((await t.http().get('/api/me').set(bounced.auth).expect(200)).body.emailProblem).toBeNull();
    await page.context().close();
  });

  it('lists sessions and signs one out; a wrong current password is said on its field', async () => {
    const other = await t
      .http()
      .post('/api/auth/login')
      .set('User-Agent', FIREFOX_ANDROID)
      .send({ login: 'selfserve', password: member.password })
      .expect(200);
    const page = await signIn(b, t.baseUrl, 'selfserve', 360);
    await page.goto(`${t.baseUrl}/settings/sessions`);
    await page.getByText('This device').waitFor();
    await page.getByRole('button', { name: /^Sign out Firefox on Android/ }).click();
    await page.getByText('Firefox on Android is signed out.').waitFor();
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${other.body.token as string}`)
      .expect(401);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);

    await page.goto(`${t.baseUrl}/settings/password`);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByText('The password is wrong.').waitFor();
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    await page.context().close();
  });

  it('names devices in French (browser and system as they are, the words around them translated) and says courriel', async () => {
    for (const agent of [FIREFOX_ANDROID, 'curl/8.5.0']) {
      await t.http().post('/api/auth/login').set('User-Agent', agent).send({ login: 'selfserve', password: member.password }).expect(200);
    }
    const page = await signIn(b, t.baseUrl, 'selfserve', 360, 'fr-FR');
    await page.goto(`${t.baseUrl}/settings/sessions`);
    const list = page.getByRole('list', { name: 'Où vous êtes connecté·e' });
    await list.getByText('Firefox sur Android', { exact: true }).waitFor();
    await list.getByText('Appareil inconnu', { exact: true }).first().waitFor();
    expect(await list.getByText(/ on |Unknown device/).count()).toBe(0);
    await page.getByRole('button', { name: /^Déconnecter Firefox sur Android, dernière activité le / }).waitFor();
    // The site says "courriel" (sign-up, sign-in, the mails themselves): the settings pages say it too.
    await page.getByRole('navigation', { name: 'Réglages du compte' }).getByRole('link', { name: 'Adresse courriel' }).click();
    await page.getByRole('heading', { name: 'Adresse courriel', level: 1 }).waitFor();
    await page.getByLabel('Nouvelle adresse courriel').waitFor();
    await page.goto(`${t.baseUrl}/settings/profile`);
    await page.getByLabel('Langue du site et de vos courriels').waitFor();
    expect(await page.getByText(/e-mail/i).count()).toBe(0);
    await page.context().close();
  });
});
