import type { Page } from 'playwright-core';
import type { GroupDto, TopicDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, newSite, type TestMember } from '../support/factories';
import { newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { choosePostAction, postMenuActions } from '../support/reading';

/**
 * The client shows an action exactly when the object's `can` says the server would allow it (api.md 1.1),
 * never from the member's site role: group moderators get their space's controls, site moderators get none
 * in a group's space (each would answer 403), and nobody gets a composer where they may not reply.
 */
describe('what each member may do, as the server says', () => {
  let t: TestApp;
  let b: TestBrowser;
  let owner: TestMember;
  let groupModerator: TestMember;
  let siteModerator: TestMember;
  let member: TestMember;
  let group: GroupDto;
  let openSpace: string;
  let moderatorsOnlySpace: string;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    await newSite(t);
    owner = await newMember(t, { username: 'space_owner' });
    groupModerator = await newMember(t, { username: 'group_mod' });
    siteModerator = await newMember(t, { username: 'site_mod', role: 'moderator' });
    member = await newMember(t, { username: 'plain_member' });
    group = await newGroup(t, owner, 'public');
    await addToGroup(t, group, owner, groupModerator, 'moderator');
    await addToGroup(t, group, owner, member);
    // Everyone sees the open space (so the site moderator reaches it); its members start and reply.
    openSpace = await newGroupCategory(t, owner, group, { access: { see: 'everyone', start: 'members', reply: 'members' } });
    moderatorsOnlySpace = await newGroupCategory(t, owner, group, {
      access: { see: 'members', start: 'moderators', reply: 'moderators' },
    });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const signIn = (who: TestMember): Promise<Page> => signInAs(b, t.baseUrl, who.user.username);

  /** Opens a topic and waits until its posts are shown, so that a missing control is missing, not loading. */
  async function openTopic(page: Page, topic: TopicDto, lastBody: string): Promise<void> {
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByRole('heading', { name: topic.title, level: 1 }).waitFor();
    await page.locator('.post-body', { hasText: lastBody }).waitFor();
  }

  async function topicAsOwner(id: string): Promise<TopicDto> {
    return (await t.http().get(`/api/topics/${id}`).set(owner.auth).expect(200)).body as TopicDto;
  }

  it('gives a group moderator pin, lock and slow mode in their group’s space, and they work', async () => {
    const topic = await newTopic(t, member, openSpace, 'Needle exchange hours changed');
    const page = await signIn(groupModerator);
    await openTopic(page, topic, 'Needle exchange hours changed');

    const moderation = page.getByRole('group', { name: 'Moderation' });
    await moderation.getByRole('button', { name: 'Pin' }).click();
    await moderation.getByRole('button', { name: 'Unpin' }).waitFor();
    await page.getByText('Pinned', { exact: true }).waitFor();
    await moderation.getByRole('button', { name: 'Lock' }).click();
    await moderation.getByRole('button', { name: 'Unlock' }).waitFor();
    await page.getByText('Locked', { exact: true }).waitFor();
    await moderation.getByLabel('Slow mode').selectOption({ label: 'Slow mode: one post every 5 minutes' });
    await page.locator('.badge', { hasText: 'Slow mode: one post every 5 minutes' }).waitFor();

    const saved = await topicAsOwner(topic.id);
    expect({ pinned: saved.pinned, locked: saved.locked, slowModeSeconds: saved.slowModeSeconds }).toEqual({
      pinned: true,
      locked: true,
      slowModeSeconds: 300,
    });
    // A locked topic still takes replies from those who moderate its space, so their composer stays.
    await page.getByLabel('Your reply').fill('Locked while we check the new hours.');
    await page.getByRole('button', { name: 'Post the reply' }).click();
    await page.locator('.post-body', { hasText: 'Locked while we check the new hours.' }).waitFor();
    expect(await page.getByText('This topic is locked: it takes no new replies.').count()).toBe(0);
  });

  it('shows a site moderator none of the group space’s moderation, edit or delete controls, which would answer 403', async () => {
    const topic = await newTopic(t, member, openSpace, 'Where is the mobile van tonight?');
    await newReply(t, member, topic.id, 'Near the station, I think.');
    const page = await signIn(siteModerator);
    await openTopic(page, topic, 'Near the station, I think.');

    expect(await page.getByRole('group', { name: 'Moderation' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lock' }).count()).toBe(0);
    // The post's actions are in its "⋯" menu (closed: its items are in the page, hidden).
    expect(await postMenuActions(page, 'Edit')).toBe(0);
    expect(await postMenuActions(page, 'Delete')).toBe(0);
    // Not a member, and the space's members reply: no composer either.
    expect(await page.getByLabel('Your reply').count()).toBe(0);
    // What they may do is still offered: report a post to the space's moderators.
    expect(await postMenuActions(page, 'Report')).toBe(2);
    await choosePostAction(page, 'Report');
    await page.getByRole('dialog', { name: 'Report to the moderators' }).waitFor();
    // The controls would indeed have been refused.
    await t.http().patch(`/api/topics/${topic.id}`).set(siteModerator.auth).send({ pinned: true }).expect(403);
    const post = (await t.http().get(`/api/topics/${topic.id}/posts`).set(siteModerator.auth).expect(200)).body.items[1];
    await t
      .http()
      .delete(`/api/posts/${post.id as string}`)
      .set(siteModerator.auth)
      .expect(403);
  });

  it('gives a member no composer in a space where only moderators reply, while its moderators have one', async () => {
    const topic = await newTopic(t, owner, moderatorsOnlySpace, 'Rota for the drop-in');
    const page = await signIn(member);
    await openTopic(page, topic, 'Rota for the drop-in');

    expect(await page.getByLabel('Your reply').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reply', exact: true }).count()).toBe(0);
    expect(await postMenuActions(page, 'Quote')).toBe(0);
    // What they may do is in the menu: copy the post's link, bookmark it.
    expect([await postMenuActions(page, 'Copy link'), await postMenuActions(page, 'Bookmark')]).toEqual([1, 1]);
    expect(await page.getByRole('link', { name: 'Sign in to reply' }).count()).toBe(0);
    // Reading and reacting are theirs.
    await page.getByRole('button', { name: 'Add a reaction' }).waitFor();
    await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'Can I take Friday?' }).expect(403);

    const moderatorPage = await signIn(groupModerator);
    await openTopic(moderatorPage, topic, 'Rota for the drop-in');
    await moderatorPage.getByLabel('Your reply').fill('Friday is yours.');
    await moderatorPage.getByRole('button', { name: 'Post the reply' }).click();
    await moderatorPage.locator('.post-body', { hasText: 'Friday is yours.' }).waitFor();
  });

  it('offers starting a topic only where the category says so', async () => {
    const page = await signIn(member);
    await page.goto(`${t.baseUrl}/c/${moderatorsOnlySpace}`);
    await page.getByRole('heading', { name: 'Topics' }).waitFor();
    expect(await page.getByRole('button', { name: 'New topic' }).count()).toBe(0);
    await page.goto(`${t.baseUrl}/c/${openSpace}`);
    await page.getByRole('button', { name: 'New topic' }).waitFor();
  });

  it('gives a post that arrives live the reader’s own actions, not the room’s', async () => {
    const topic = await newTopic(t, owner, openSpace, 'Kits restocked at the drop-in');
    const page = await signIn(member);
    await openTopic(page, topic, 'Kits restocked at the drop-in');
    await page.getByText('Live: new replies appear by themselves').waitFor();

    await newReply(t, groupModerator, topic.id, 'Thanks, picking some up tonight.');
    const arrived = page.locator('article.post', { hasText: 'Thanks, picking some up tonight.' });
    await arrived.waitFor();
    // The room hears the post with no abilities; the reader's own view brings theirs a moment later.
    await arrived.getByRole('menuitem', { name: 'Report', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
    await arrived.getByRole('button', { name: 'Add a reaction' }).waitFor();
    expect(await postMenuActions(arrived, 'Edit')).toBe(0);
    expect(await postMenuActions(arrived, 'Delete')).toBe(0);
  });

  it('shows each one on the group page what the group lets them do', async () => {
    const moderatorPage = await signIn(groupModerator);
    await moderatorPage.goto(`${t.baseUrl}/g/${group.slug}`);
    await moderatorPage.getByRole('heading', { name: group.name, level: 1 }).waitFor();
    await moderatorPage.getByRole('heading', { name: 'Invite someone' }).waitFor();
    await moderatorPage.getByRole('button', { name: 'Leave the group' }).waitFor();
    // Moderators remove members, not other moderators or owners; settings and roles are the owners'.
    await moderatorPage.getByRole('button', { name: 'Remove plain_member from the group' }).waitFor();
    expect(await moderatorPage.getByRole('button', { name: 'Remove space_owner from the group' }).count()).toBe(0);
    expect(await moderatorPage.getByRole('heading', { name: 'Group settings' }).count()).toBe(0);
    expect(await moderatorPage.getByLabel('Role of plain_member').count()).toBe(0);
    expect(await moderatorPage.getByLabel('Name of the space').count()).toBe(0);

    // A site moderator is no one in this group: they may join it (it is public), nothing more.
    const siteModeratorPage = await signIn(siteModerator);
    await siteModeratorPage.goto(`${t.baseUrl}/g/${group.slug}`);
    await siteModeratorPage.getByRole('button', { name: 'Join the group' }).waitFor();
    expect(await siteModeratorPage.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await siteModeratorPage.getByRole('button', { name: /^Remove / }).count()).toBe(0);

    const ownerPage = await signIn(owner);
    await ownerPage.goto(`${t.baseUrl}/g/${group.slug}`);
    await ownerPage.getByRole('heading', { name: 'Group settings' }).waitFor();
    await ownerPage.getByLabel('Role of group_mod').waitFor();
    await ownerPage.getByRole('button', { name: 'Remove group_mod from the group' }).waitFor();
    // The only owner cannot leave: someone must be left to run the group.
    expect(await ownerPage.getByRole('button', { name: 'Leave the group' }).count()).toBe(0);
  });
});
