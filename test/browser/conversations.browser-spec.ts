import type { GroupDto } from '@harbour/contracts';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newGroup } from '../support/groups';

describe('private conversations and group inboxes in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let ben: TestMember;
  let group: GroupDto;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    await newMember(t, { username: 'ana' });
    ben = await newMember(t, { username: 'ben' });
    const olga = await newMember(t, { username: 'olga' });
    group = await newGroup(t, olga, 'public');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number, locale?: string): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width, locale), t.baseUrl, offHost);
  }

  it('writes to a member from their profile; they see it live in the inbox, answer, and the writer sees it live', async () => {
    // Ben waits in his inbox, on a phone.
    const benPage = await signIn('ben', 360);
    await benPage.getByRole('link', { name: 'Messages, none unread' }).click();
    await benPage.getByRole('heading', { name: 'Messages' }).waitFor();
    await benPage.getByText('No conversation yet.').waitFor();

    const ana = await signIn('ana');
    await ana.goto(`${t.baseUrl}/u/ben`);
    await ana.getByRole('link', { name: 'Send a message to ben' }).click();
    await ana.getByRole('heading', { name: 'New conversation' }).waitFor();
    await ana.getByRole('list', { name: 'Recipients' }).getByText('ben').waitFor();
    await ana.getByLabel('Subject').fill('Naloxone kits for Saturday');
    await ana.getByLabel('Message', { exact: true }).fill('Could you bring **ten** kits?');
    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('heading', { name: 'Naloxone kits for Saturday' }).waitFor();
    await ana.locator('.post-body strong', { hasText: 'ten' }).waitFor();

    // Live in Ben's inbox, with its unread count, and in the header.
    const entry = benPage.getByRole('listitem').filter({ hasText: 'Naloxone kits for Saturday' });
    await entry.getByText('1 unread').waitFor();
    await benPage.getByRole('link', { name: 'Messages, 1 conversation unread' }).waitFor();
    expect(await benPage.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await entry.getByRole('link', { name: 'Naloxone kits for Saturday' }).click();
    await benPage.getByText('Could you bring ten kits?').waitFor();
    // Reading it brings the header's count back down.
    await benPage.getByRole('link', { name: 'Messages, none unread' }).waitFor();

    // Ben types, Ana sees it; Ben sends, Ana sees the answer appear and hears it announced.
    await benPage.getByLabel('Your message').fill('Yes, ten kits');
    await ana.getByText('ben is typing…').waitFor();
    await benPage.getByRole('button', { name: 'Send' }).click();
    await ana.getByText('Yes, ten kits').waitFor();
    await ana.getByRole('status').filter({ hasText: 'New message from ben in “Naloxone kits for Saturday”' }).waitFor();
    expect(await benPage.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // A member who takes no messages: the server's refusal is said next to the recipients.
    await t.http().patch('/api/me').set(ben.auth).send({ messagesFrom: 'nobody' }).expect(200);
    await ana.goto(`${t.baseUrl}/messages/new?to=ben`);
    await ana.getByLabel('Subject').fill('Another thing');
    await ana.getByLabel('Message', { exact: true }).fill('Hello again');
    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('alert').filter({ hasText: 'You cannot send a message to ben.' }).waitFor();
  });

  it('writes to the staff of a group from its page, and its owner answers (in French)', async () => {
    const ana = await signIn('ana');
    await ana.goto(`${t.baseUrl}/g/${group.slug}`);
    await ana.getByRole('link', { name: `Write to the staff of ${group.name}` }).click();
    await ana.getByRole('heading', { name: `To the staff of ${group.name}` }).waitFor();
    await ana.getByLabel('Subject').fill('Joining the outreach team');
    await ana.getByLabel('Message', { exact: true }).fill('How do I join the Tuesday outreach?');
    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('heading', { name: 'Joining the outreach team' }).waitFor();
    await ana.getByText(`Staff of ${group.name}`).waitFor();

    const olga = await signIn('olga', undefined, 'fr-FR');
    await olga.getByRole('link', { name: 'Messages, 1 conversation non lue' }).click();
    const entry = olga.getByRole('listitem').filter({ hasText: 'Joining the outreach team' });
    await entry.getByText(`À l’équipe de ${group.name}`).waitFor();
    await entry.getByRole('link', { name: 'Joining the outreach team' }).click();
    await olga.getByText('How do I join the Tuesday outreach?').waitFor();
    await olga.getByLabel('Votre message').fill('Come on Tuesday at 6 pm.');
    await olga.getByRole('button', { name: 'Envoyer' }).click();
    await ana.getByText('Come on Tuesday at 6 pm.').waitFor();
    expect(offHost).toEqual([]);
  });
});
