import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import {
  axeViolations as axe,
  launchBrowser,
  signIn as signInAs,
  watchOffHostRequests,
  type TestBrowser,
  WEB_DIR,
} from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { choosePostAction, postMenuActions } from '../support/reading';
import { markRepliedByEmail } from '../support/authorization/mail-replies-rows';

describe('moderation in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let mod: TestMember;
  let reporter: TestMember;
  let author: TestMember;
  let categoryId: string;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { role: 'admin', username: 'site_admin' });
    mod = await newMember(t, { role: 'moderator', username: 'mod_june' });
    reporter = await newMember(t, { username: 'lou' });
    author = await newMember(t, { username: 'troll' });
    categoryId = await newCategory(t, admin, 'Peer support');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number, locale?: string): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width, locale), t.baseUrl, offHost);
  }

  it('report → queue → hide: the reporter reports by keyboard, the moderator hides it, readers see it gone', async () => {
    const topic = await newTopic(t, reporter, categoryId, 'Where to get naloxone');
    const post = await newReply(t, author, topic.id, 'Her address is 12 Elm Street');

    const page = await signIn('lou', 360);
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    const article = page.locator(`#post-${post.id}`);
    await choosePostAction(article, 'Report');
    const dialog = page.getByRole('dialog', { name: 'Report to the moderators' });
    await dialog.getByText('never told who reported them').waitFor();
    await dialog.getByLabel('Privacy: someone’s real name, address or photo').check();
    await dialog.getByLabel('Anything the moderators should know (optional)').fill('This is a real address');
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('The moderators will look at it').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus returns to the post's menu button, whose Report item opened the dialog.
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""')).toBe('More actions for post 2');
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    const moderator = await signIn('mod_june');
    await moderator.goto(`${t.baseUrl}/moderation`);
    await moderator.getByRole('heading', { name: 'Review queue' }).waitFor();
    const item = moderator.getByRole('listitem').filter({ hasText: 'Her address is 12 Elm Street' });
    await item.getByText('Privacy: someone’s real name, address or photo: 1 report').waitFor();
    await item.getByText('This is a real address').waitFor();
    // Keyboard: j reaches the first item.
    await moderator.keyboard.press('j');
    expect(await moderator.evaluate<string>('document.activeElement?.className ?? ""')).toContain('review-item');
    await item.getByLabel('Note for the log (optional)').fill('Doxxing');
    await item.getByRole('button', { name: 'Hide' }).click();
    await moderator.getByText('Nothing to review. Thank you.').waitFor();

    // The reader's page no longer shows the words; the log says who did what and why.
    await page.reload();
    await page.getByRole('heading', { name: topic.title }).waitFor();
    expect(await page.locator(`#post-${post.id}`).textContent()).not.toContain('Elm Street');
    await moderator.goto(`${t.baseUrl}/moderation/log`);
    // In words, not codes (issue 19): who hid what, and the note.
    await moderator
      .locator('.log-entry')
      .filter({ hasText: 'hid' })
      .filter({ hasText: 'after reports' })
      .filter({ hasText: 'Doxxing' })
      .waitFor();
    expect(offHost).toEqual([]);
  });

  it('from a post, staff open the member’s record, keep a note and silence them with the dialog', async () => {
    const member = await newMember(t, { username: 'noisy_nat' });
    const topic = await newTopic(t, reporter, categoryId, 'Harm reduction kits');
    const post = await newReply(t, member, topic.id, 'Buy from me');
    const page = await signIn('mod_june');
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.locator(`#post-${post.id}`).getByRole('link', { name: 'Member’s record' }).click();
    await page.getByRole('heading', { name: 'Record of noisy_nat' }).waitFor();
    await page.getByLabel('New note').fill('Second time selling');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('Second time selling').waitFor();
    await page.getByRole('button', { name: 'Sanction this member…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sanction noisy_nat' });
    await dialog.getByLabel('Read-only (silenced)').check();
    await dialog.getByLabel('Reason').fill('Selling in the support space');
    await dialog.getByLabel('Until').fill('2030-01-01T12:00');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.getByText('Done. The member has been told.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Selling in the support space').waitFor();
    await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'more' }).expect(403);
  });

  it('a suspended member is told until when, in their language, and their open page loses its session', async () => {
    const member = await newMember(t, { username: 'suspended_sam' });
    // The account's language (not the browser's) is what its email is written in.
    await t.http().patch('/api/me').set(member.auth).send({ locale: 'fr' }).expect(200);
    const page = await signIn('suspended_sam', undefined, 'fr-FR');
    const until = new Date(Date.now() + 3 * 86_400_000);
    await t
      .http()
      .post(`/api/moderation/users/${member.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'suspend', reason: 'Vente de produits', until: until.toISOString() })
      .expect(201);
    // The open tab hears the revocation over its socket and is signed out.
    await page.getByRole('link', { name: 'Se connecter' }).waitFor({ timeout: 10_000 });
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Nom d’utilisateur ou adresse courriel').fill('suspended_sam');
    await page.getByLabel('Mot de passe').fill('correct horse battery');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce compte est suspendu jusqu’au' }).waitFor();
    const mail = await t.smtp!.waitFor(member.user.email);
    expect(mail.subject).toContain('Votre compte est suspendu');
    expect(mail.text).toContain('Vente de produits');
  });

  it('a warned member sees the banner on every page, acknowledges, and appeals once', async () => {
    const member = await newMember(t, { username: 'warned_wren' });
    await t
      .http()
      .post(`/api/moderation/users/${member.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'warn', reason: 'Please stay kind' })
      .expect(201);
    const page = await signIn('warned_wren');
    await page.getByText('The moderators have sent you a warning.').waitFor();
    await page.getByRole('link', { name: 'Read it' }).click();
    await page.getByRole('heading', { name: 'My warnings and sanctions' }).waitFor();
    await page.getByText('Reason: Please stay kind').waitFor();
    await page.getByRole('button', { name: 'I have read this' }).click();
    await page.getByRole('button', { name: 'I have read this' }).waitFor({ state: 'detached' });
    await page.getByLabel('Appeal (once)').fill('I was quoting the thread');
    await page.getByRole('button', { name: 'Send my appeal' }).click();
    await page.getByText('Appeal sent on').waitFor();
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('The moderators have sent you a warning.').count()).toBe(0);
  });

  it('a reply by email says so; its space’s moderators read the email it came as, members cannot', async () => {
    const topic = await newTopic(t, reporter, categoryId, 'Kits by the door');
    const post = await newReply(t, author, topic.id, 'Left two kits by the door');
    await markRepliedByEmail(t, [post.id]);
    const reader = await signIn('lou', 360);
    await reader.goto(`${t.baseUrl}/t/${topic.id}`);
    await reader.locator(`#post-${post.id}`).getByText('· by email').waitFor();
    expect(await postMenuActions(reader.locator(`#post-${post.id}`), 'Show the email it came as')).toBe(0);

    const moderator = await signIn('mod_june', 360);
    await moderator.goto(`${t.baseUrl}/t/${topic.id}`);
    const article = moderator.locator(`#post-${post.id}`);
    await choosePostAction(article, 'Show the email it came as');
    const email = article.getByRole('region', { name: 'The email as received' });
    await email.getByText('By email').waitFor();
    await email.getByText('Only the moderators of this space can read it.').waitFor();
    expect(await moderator.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await axe(moderator)).toEqual([]);
  });
});
