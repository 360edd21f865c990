import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

/** The element with focus, as text (what a screen reader would be on). */
const focused = (page: Page) => page.evaluate<string>('document.activeElement?.textContent ?? ""');

describe('blocking a member in the browser, by keyboard', () => {
  let t: TestApp;
  let b: TestBrowser;
  let nadia: TestMember;
  let pest: TestMember;
  let categoryId: string;
  const offHost: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    nadia = await newMember(t, { username: 'nadia' });
    pest = await newMember(t, { username: 'pest' });
    categoryId = await newCategory(t, nadia, 'Harm reduction');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  async function signIn(username: string, width?: number, locale?: string): Promise<Page> {
    return watchOffHostRequests(await signInAs(b, t.baseUrl, username, width, locale), t.baseUrl, offHost);
  }

  it('blocks from the profile, collapses their posts (one key to show), live ones too, and unblocks from the settings', async () => {
    const topic = await newTopic(t, nadia, categoryId, 'Where to get fentanyl test strips?');
    await newReply(t, pest, topic.id, 'You again, asking silly questions.');
    const page = await signIn('nadia');
    page.on('dialog', (dialog) => void dialog.accept());

    // The profile's button, pressed with the keyboard; it is not offered on one's own profile.
    await page.goto(`${t.baseUrl}/u/pest`);
    const block = page.getByRole('button', { name: 'Block pest' });
    await block.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'You blocked pest. They are not told.' }).waitFor();
    await page.getByRole('button', { name: 'Unblock pest' }).waitFor();
    await page.goto(`${t.baseUrl}/u/nadia`);
    await page.getByRole('heading', { name: 'nadia' }).waitFor();
    expect(await page.getByRole('button', { name: /Block/ }).count()).toBe(0);

    // Their reply is collapsed: its words are not on the page until Show is pressed.
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByRole('heading', { name: topic.title }).waitFor();
    await page.getByText('Post by a member you blocked.').waitFor();
    expect(await page.getByText('You again, asking silly questions.').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the post by a member you blocked' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('You again, asking silly questions.').waitFor();
    expect(await focused(page)).toContain('You again, asking silly questions.');
    await page.getByRole('button', { name: 'Hide again' }).click();
    await page.getByText('Post by a member you blocked.').waitFor();
    expect(await focused(page)).toBe('Show');

    // A reply arriving live is collapsed too.
    await page.getByText('Live: new replies appear by themselves').waitFor();
    await newReply(t, pest, topic.id, 'Another live jab.');
    await page.getByText('Post by a member you blocked.').nth(1).waitFor();
    expect(await page.getByText('Another live jab.').count()).toBe(0);
    // Nor are they announced as typing.
    const other = await signIn('pest');
    await other.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByText('2 reading').waitFor();
    await other.getByLabel('Your reply').fill('Typing something unkind');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.getByText('pest is typing…').count()).toBe(0);

    // The list to undo it.
    await page.goto(`${t.baseUrl}/settings/blocks`);
    await page.getByRole('heading', { name: 'Blocked members' }).waitFor();
    await page.getByRole('button', { name: 'Unblock pest' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'pest is no longer blocked.' }).waitFor();
    await page.getByText('You have not blocked anyone.').waitFor();
    expect((await t.http().get('/api/me/blocks').set(nadia.auth).expect(200)).body.items).toEqual([]);
    await page.goto(`${t.baseUrl}/t/${topic.id}`);
    await page.getByText('You again, asking silly questions.').waitFor();
  });

  it('says it in French, and fits a phone', async () => {
    await t.http().put(`/api/me/blocks/${pest.user.id}`).set(nadia.auth).expect(204);
    const page = await signIn('nadia', 360, 'fr-FR');
    await page.goto(`${t.baseUrl}/settings/blocks`);
    await page.getByRole('heading', { name: 'Membres bloqués' }).waitFor();
    await page.getByRole('button', { name: 'Débloquer pest' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(offHost).toEqual([]);
  });
});
