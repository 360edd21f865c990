import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { addToGroup, newGroup } from '../support/groups';

describe('profiles in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let author: TestMember;
  let topicId: string;
  let groupSlug: string;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    const admin = await newMember(t, { username: 'site_keeper' });
    author = await newMember(t, { username: 'river_song' });
    await newMember(t, { username: 'reader' });
    const founder = await newMember(t, { username: 'founder' });
    const group = await newGroup(t, founder, 'public');
    groupSlug = group.slug;
    await addToGroup(t, group, founder, author);
    await sql(t.databaseUrl, `UPDATE users SET pronouns = 'she/her', bio = 'Outreach nights, Thursdays.' WHERE id = $1`, [author.user.id]);
    topicId = (await newTopic(t, author, await newCategory(t, admin), 'Naloxone at the Thursday outreach')).id;
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width), t.baseUrl, offHost);
  }

  it('goes from a post’s author to their profile: picture, pronouns, bio, month joined, count, groups, posts', async () => {
    const reader = await signIn('reader', 360);
    await reader.goto(`${t.baseUrl}/t/${topicId}`);
    await reader.getByRole('link', { name: author.user.displayName }).first().click();
    await reader.getByRole('heading', { name: author.user.displayName, level: 1 }).waitFor();
    expect(reader.url()).toBe(`${t.baseUrl}/u/river_song`);
    await reader.getByText('Pronouns: she/her').waitFor();
    await reader.getByText('Outreach nights, Thursdays.').waitFor();
    await reader.getByText(/^Joined in .+ · 1 post$/).waitFor();
    await reader.getByRole('link', { name: 'Group 1' }).waitFor();
    await reader.getByRole('link', { name: /^In Topic number/ }).waitFor();
    // The picture is the generated one, from this site, and it loaded.
    const picture = reader.locator('.profile-header img.avatar');
    expect(await picture.getAttribute('src')).toBe(`/api/avatars/${author.user.id}?v=0&size=256`);
    expect(await picture.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await reader.goto(`${t.baseUrl}/u/nobody_at_all`);
    await reader.getByRole('heading', { name: 'There is no member by that name.' }).waitFor();
    expect(offHost).toEqual([]);
  });

  it('completes an @-mention from the keyboard, as a combobox announces it', async () => {
    const reader = await signIn('reader');
    await reader.goto(`${t.baseUrl}/t/${topicId}`);
    const box = reader.getByRole('combobox', { name: 'Your reply' });
    await box.click();
    await box.pressSequentially('Thanks @rive');
    const list = reader.getByRole('listbox', { name: 'Members to mention' });
    await list.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const option = list.getByRole('option', { name: /river_song/ });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Thanks @river_song ');
    await list.waitFor({ state: 'detached' });
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // Escape closes the list and leaves the words as typed.
    await box.pressSequentially('and @fou');
    await list.waitFor();
    await box.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('Thanks @river_song and @fou');
  });

  it('uploads a picture after a preview, refuses what is not one, and removes it', async () => {
    const member = await signIn('river_song', 360);
    await member.goto(`${t.baseUrl}/settings/profile`);
    const input = member.getByLabel('Choose a picture');
    // Too large is said before anything is sent; not a picture is the server's 415, said plainly.
    await input.setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(8 * 1024 * 1024 + 1, 1) });
    await member.getByText('This file is larger than 8 MB.').waitFor();
    await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await member.getByRole('button', { name: 'Use this picture' }).click();
    await member.getByText('This file is not a picture we can use (JPEG, PNG, WebP, GIF or AVIF).').waitFor();
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0a7f5a' } })
      .png()
      .toBuffer();
    await input.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    const preview = member.getByRole('img', { name: 'The picture you chose, before it is saved' });
    expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await member.getByRole('button', { name: 'Use this picture' }).click();
    await member.getByText('Your new picture is saved.').waitFor();
    const current = member.getByRole('img', { name: 'Your current picture' });
    expect(await current.getAttribute('src')).toBe(`/api/avatars/${author.user.id}?v=1&size=256`);
    await member.goto(`${t.baseUrl}/u/river_song`);
    const shown = member.locator('.profile-header img.avatar');
    expect(await shown.getAttribute('src')).toBe(`/api/avatars/${author.user.id}?v=1&size=256`);
    expect(await shown.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(256);
    await member.goto(`${t.baseUrl}/settings/profile`);
    await member.getByRole('button', { name: 'Remove my picture' }).click();
    await member.getByText('Your picture is removed; a picture made from your username shows instead.').waitFor();
    expect(await member.getByRole('img', { name: 'Your current picture' }).getAttribute('src')).toBe(
      `/api/avatars/${author.user.id}?v=-2&size=256`,
    );
    expect(offHost).toEqual([]);
  });

  it('lets a member keep a group off their profile from the group page', async () => {
    const member = await signIn('river_song');
    await member.goto(`${t.baseUrl}/g/${groupSlug}`);
    await member.getByLabel('Keep this group off my profile').check();
    await member.getByText('Saved.').waitFor();
    const reader = await signIn('reader');
    await reader.goto(`${t.baseUrl}/u/river_song`);
    await reader.getByText('No groups to show.').waitFor();
  });
});
