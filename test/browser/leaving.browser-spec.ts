import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, type TestBrowser, WEB_DIR } from '../support/browser';
import { sql } from '../support/database';
import { newMember, newSite, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';

describe('leaving in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;
  let category: string;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR, smtp: false });
    b = await launchBrowser();
    admin = await newSite(t);
    category = await newCategory(t, admin);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('downloads the member’s data, then deletes the account on a phone after explaining both choices and confirming', async () => {
    const member = await newMember(t);
    const topic = await newTopic(t, member, category, 'My words stay without my name');
    const page = await signIn(b, t.baseUrl, member.user.username, 390);

    await page.goto(`${t.baseUrl}/settings/export`);
    await page.getByRole('heading', { name: 'Export your data' }).waitFor();
    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Download my data' }).click();
    await page.getByText('That password is not right.').waitFor();
    await page.getByLabel('Your password').fill('correct horse battery');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toBe('harbour-export.zip');
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(JSON.parse(strFromU8(files['profile.json']!))).toMatchObject({ username: member.user.username, email: member.user.email });
    expect(strFromU8(files['posts.json']!)).toContain('My words stay without my name');

    await page.goto(`${t.baseUrl}/settings/delete`);
    await page.getByRole('heading', { name: 'Delete your account' }).waitFor();
    // Both choices are there, each with what it does.
    await page.getByText('Each of your posts becomes a “deleted” placeholder').waitFor();
    await page.getByText('the topics you started get a neutral title').waitFor();
    await page.getByText('signed by an anonymous name (deleted-<number>)').waitFor();
    await page.getByRole('radio', { name: 'Keep my posts, without my name' }).check();
    await page.getByLabel('Your password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account for good?' });
    await dialog.getByText('Your posts will stay under an anonymous name.').waitFor();
    // Cancelling sends nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await t.http().get('/api/me').set(member.auth).expect(200);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByRole('button', { name: 'Yes, delete my account' }).click();
    await page.getByText('Your account has been deleted.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

    await t.http().get('/api/me').set(member.auth).expect(401);
    const posts = await t.http().get(`/api/topics/${topic.id}/posts`).set(admin.auth).expect(200);
    expect(posts.body.items[0]).toMatchObject({
      body: 'My words stay without my name',
      author: { username: expect.stringMatching(/^deleted-\d+$/) },
    });
    await page.context().close();

    // The kept post is signed by its anonymous name as plain text: deleted-<n> has no profile to link to.
    const anonymous = posts.body.items[0].author as { username: string; displayName: string };
    const reader = await signIn(b, t.baseUrl, admin.user.username, 390);
    await reader.goto(`${t.baseUrl}/t/${topic.id}`);
    await reader.locator('.post-author').getByText(anonymous.displayName, { exact: true }).waitFor();
    expect(await reader.locator('.post-author a').count()).toBe(0);
    expect(await reader.locator('a[href^="/u/deleted-"]').count()).toBe(0);
    await reader.context().close();
  });

  it('lets an admin delete an account from the members page, in French', async () => {
    const member = await newMember(t);
    const page = await signIn(b, t.baseUrl, admin.user.username, undefined, 'fr-FR');
    await page.goto(`${t.baseUrl}/admin/users`);
    const row = page.getByRole('row', { name: new RegExp(member.user.username) });
    await row.getByRole('button', { name: 'Supprimer le compte…' }).click();
    const dialog = page.getByRole('dialog', { name: `Supprimer le compte de ${member.user.username} ?` });
    // Said to the admin about someone else's posts: "ses messages", never the member's own "mes messages".
    await dialog.getByRole('group', { name: 'Ce que deviennent ses messages' }).waitFor();
    await dialog.getByRole('radio', { name: 'Garder ses messages sous un nom anonyme' }).waitFor();
    expect(await dialog.getByText(/\b(mes|vos) messages\b/).count()).toBe(0);
    await dialog.getByRole('radio', { name: 'Supprimer ses messages' }).check();
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/api/admin/users/${member.user.id}`) && response.status() === 204),
      dialog.getByRole('button', { name: 'Supprimer le compte' }).click(),
    ]);
    // The member's name is nowhere in the list, and what is left of a deleted account has no role to change.
    await page.getByRole('row', { name: new RegExp(member.user.username) }).waitFor({ state: 'detached' });
    expect(
      await page
        .getByRole('row', { name: /deleted-\d+/ })
        .getByRole('combobox')
        .count(),
    ).toBe(0);
    const [row2] = await sql<{ status: string }>(t.databaseUrl, 'SELECT status FROM users WHERE id = $1', [member.user.id]);
    expect(row2?.status).toBe('deleted');
    // Admins' own rows offer no deletion (the server would refuse it).
    expect(
      await page
        .getByRole('row', { name: new RegExp(admin.user.username) })
        .getByRole('button', { name: 'Supprimer le compte…' })
        .count(),
    ).toBe(0);
    await page.context().close();
  });
});
