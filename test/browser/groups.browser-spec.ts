import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember } from '../support/factories';

describe('groups in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    await newMember(t, { username: 'site_keeper' });
    await newMember(t, { username: 'founder' });
    await newMember(t, { username: 'invitee' });
    await newMember(t, { username: 'stranger' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width), t.baseUrl, offHost);
  }

  it('creates a private group with a space, invites a member who sees it, and nobody else does', async () => {
    const founder = await signIn('founder');
    await founder.getByRole('link', { name: 'Groups' }).click();
    await founder.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await founder.getByLabel('Name', { exact: true }).fill('Peer workers');
    await founder.getByLabel('Short name for the address').fill('peer-workers');
    await founder.getByLabel(/^Private:/).check();
    await founder.getByRole('button', { name: 'Create the group' }).click();
    await founder.getByRole('heading', { name: 'Peer workers', level: 1 }).waitFor();
    expect(founder.url()).toBe(`${t.baseUrl}/g/peer-workers`);

    await founder.getByLabel('Name of the space').fill('Shift notes');
    await founder.getByRole('button', { name: 'Create the space' }).click();
    await founder.getByRole('link', { name: 'Shift notes', exact: true }).waitFor();
    await founder.getByLabel('Username or email address').fill('invitee');
    await founder.getByRole('button', { name: 'Invite', exact: true }).click();
    await founder.getByText('invitee is invited.').waitFor();

    // The invited member, on a phone, finds the invitation with the groups and accepts it.
    const invitee = await signIn('invitee', 360);
    await invitee.getByRole('link', { name: 'Groups' }).click();
    await invitee.getByText('founder invites you to join Peer workers.').waitFor();
    await invitee.getByRole('button', { name: 'Accept' }).click();
    await invitee.getByRole('link', { name: 'Peer workers' }).click();
    await invitee.getByRole('link', { name: 'Shift notes', exact: true }).click();
    await invitee.getByText('Only members of the group see this space.').waitFor();
    await invitee.getByRole('button', { name: 'New topic' }).click();
    await invitee.getByLabel('Title').fill('Tonight at the site');
    await invitee.getByLabel('First post').fill('Two overdoses reversed; we need more kits.');
    await invitee.getByRole('button', { name: 'Start the topic' }).click();
    await invitee.getByRole('heading', { name: 'Tonight at the site' }).waitFor();
    const topicUrl = invitee.url();
    expect(await invitee.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);

    // Someone outside the group: no space on the home page, a plain "does not exist" for the topic, nothing in search.
    const stranger = await signIn('stranger');
    await stranger.getByRole('heading', { name: 'Categories' }).waitFor();
    expect(await stranger.getByRole('link', { name: 'Shift notes', exact: true }).count()).toBe(0);
    await stranger.goto(topicUrl);
    await stranger.getByRole('heading', { name: 'This page does not exist.' }).waitFor();
    await stranger.getByRole('banner').getByRole('searchbox').fill('overdoses');
    await stranger.getByRole('banner').getByRole('button', { name: 'Search', exact: true }).click();
    await stranger.getByText('Nothing found.').waitFor();

    // The invited member finds it through the header's search, with the words marked.
    await invitee.getByRole('banner').getByRole('searchbox').fill('overdose kits');
    await invitee.getByRole('banner').getByRole('searchbox').press('Enter');
    await invitee.locator('.snippet mark', { hasText: 'overdoses' }).waitFor();
    await invitee.getByRole('link', { name: 'Tonight at the site' }).waitFor();
    expect(offHost).toEqual([]);
  });

  it('asks before what exposes people or cannot be undone: visibility, a member’s role, leaving (issue 19)', async () => {
    const founder = await signIn('founder');
    await founder.goto(`${t.baseUrl}/g/peer-workers`);
    // Choosing Public only asks, saying who will see what; Cancel leaves the group private.
    await founder.getByRole('radio', { name: /^Public:/ }).click();
    const visibility = founder.getByRole('dialog', { name: 'Change who can see Peer workers?' });
    await visibility.getByText('Its members may not expect to be listed in public.', { exact: false }).waitFor();
    await visibility.getByRole('button', { name: 'Cancel' }).click();
    await visibility.waitFor({ state: 'detached' });
    expect(await founder.getByRole('radio', { name: /^Private:/ }).isChecked()).toBe(true);
    expect((await t.http().get('/api/groups/peer-workers').expect(200)).body.visibility).toBe('private');

    // Making the invitee a group moderator says what that role may do, then does it.
    await founder.getByLabel('Role of invitee').selectOption('moderator');
    const role = founder.getByRole('dialog', { name: 'Make invitee Group moderator?' });
    await role.getByText('invites and removes members', { exact: false }).waitFor();
    await role.getByRole('button', { name: 'Change the role' }).click();
    // The dialog closes once the server has answered.
    await role.waitFor({ state: 'detached' });
    const founderToken = (await t.http().post('/api/auth/login').send({ login: 'founder', password: 'correct horse battery' }).expect(200))
      .body.token as string;
    const roles = async () =>
      (
        (await t.http().get('/api/groups/peer-workers/members').set('Authorization', `Bearer ${founderToken}`).expect(200)).body.items as {
          user: { username: string };
          role: string;
        }[]
      ).map((m) => `${m.user.username}:${m.role}`);
    expect((await roles()).sort()).toEqual(['founder:owner', 'invitee:moderator']);

    // Leaving is asked too; confirmed, the invitee is out.
    const invitee = await signIn('invitee');
    await invitee.goto(`${t.baseUrl}/g/peer-workers`);
    await invitee.getByRole('button', { name: 'Leave the group' }).click();
    const leave = invitee.getByRole('dialog', { name: 'Leave Peer workers?' });
    await leave.getByText('You will no longer see its members-only spaces', { exact: false }).waitFor();
    await leave.getByRole('button', { name: 'Leave the group' }).click();
    await leave.waitFor({ state: 'detached' });
    await invitee.getByRole('button', { name: 'Leave the group' }).waitFor({ state: 'detached' });
    expect(await roles()).toEqual(['founder:owner']);
    await founder.context().close();
    await invitee.context().close();
  });
});
