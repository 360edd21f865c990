import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CategoryDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn, waitForPageExpression, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

// axe-core comes with eslint-plugin-jsx-a11y; evaluated through the DevTools protocol (the CSP does not cover it).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate<string[]>(
    `axe.run('main', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`,
  );
}

/** Nothing wider than a 360 px phone: no sideways scrolling. */
const fitsPhone = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= 360');

/** Issue 19: an admin orders, edits and merges categories; a group owner sets up their space; on a phone. */
describe('categories and spaces in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;

  const category = async (id: string) => (await t.http().get(`/api/categories/${id}`).set(admin.auth).expect(200)).body as CategoryDto;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    admin = await newMember(t, { role: 'admin', username: 'cat_admin' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('an admin reorders by keyboard, edits every setting and merges a category into another, asked first', async () => {
    const alerts = await newCategory(t, admin, 'Alerts');
    const support = await newCategory(t, admin, 'Peer support');
    const resources = await newCategory(t, admin, 'Resources');
    await newTopic(t, admin, alerts);
    await newTopic(t, admin, alerts);
    const page = await signIn(b, t.baseUrl, 'cat_admin', 360);
    await page.getByRole('link', { name: 'Manage categories' }).click();
    await page.getByRole('heading', { name: 'Categories', level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await fitsPhone(page)).toBe(true);

    // Keyboard: Enter on "Move Resources up" twice; focus stays on the button, the move is announced.
    const up = page.getByRole('button', { name: 'Move Resources up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Resources moved to place 2.' }).waitFor();
    await waitForPageExpression(page, `document.activeElement?.getAttribute('aria-label') === 'Move Resources up'`);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Resources moved to place 1.' }).waitFor();
    // At the top, Up is disabled: focus moved to its twin, Down.
    await waitForPageExpression(page, `document.activeElement?.getAttribute('aria-label') === 'Move Resources down'`);
    expect(
      await page
        .getByRole('listitem')
        .getByRole('link', { name: /^(Alerts|Peer support|Resources)$/ })
        .allTextContents(),
    ).toEqual(['Resources', 'Alerts', 'Peer support']);

    // Every setting of one category, then saved.
    await page.getByRole('link', { name: 'Settings of Peer support' }).click();
    await page.getByRole('heading', { name: 'Settings of Peer support', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Peer support circle');
    await page.getByLabel('Description', { exact: true }).fill('Talk with people who have been there.');
    await page.getByRole('radio', { name: 'Teal' }).check();
    await page.getByLabel('Place').selectOption({ label: 'Inside Resources' });
    await page.getByRole('group', { name: 'Who starts topics' }).getByRole('radio', { name: 'Site moderators and admins' }).check();
    await page
      .getByRole('group', { name: 'Anonymous posting' })
      .getByRole('radio', { name: /^Allowed/ })
      .check();
    expect(await axe(page)).toEqual([]);
    expect(await fitsPhone(page)).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await category(support)).toMatchObject({
      name: 'Peer support circle',
      description: 'Talk with people who have been there.',
      color: '#0f766e',
      parentId: resources,
      access: { see: 'everyone', start: 'moderators', reply: 'everyone' },
      anonymous: 'allowed',
      topicsVisibleTo: 'everyone',
    });

    // Delete with topics: nothing can be confirmed until their destination is chosen, and the button says it all.
    await page.getByRole('link', { name: 'All categories' }).click();
    await page.getByRole('link', { name: 'Settings of Alerts' }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Alerts?' });
    await dialog.getByText('It has 2 topics.', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: /and delete/ }).count()).toBe(0);
    await dialog.getByLabel('Move the topics to').selectOption({ label: 'Resources' });
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Move 2 topics to Resources and delete' }).click();
    await page.getByText('Alerts was deleted.').waitFor();
    await page.getByRole('heading', { name: 'Categories', level: 1 }).waitFor();
    expect((await category(resources)).topicCount).toBe(2);
    await t.http().get(`/api/categories/${alerts}`).set(admin.auth).expect(404);
    // The home page draws the chosen colour.
    await page.goto(`${t.baseUrl}/`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Peer support circle' }) });
    expect(await row.getAttribute('style')).toContain('--category-color: #0f766e');
    // Its own page too, with the way to its settings for whoever may edit it, still on a phone's width.
    await row.getByRole('link', { name: 'Peer support circle' }).click();
    await page.getByRole('link', { name: 'Settings of Peer support circle' }).waitFor();
    expect(await page.locator('.category-head').getAttribute('style')).toContain('--category-color: #0f766e');
    expect(await fitsPhone(page)).toBe(true);
  });

  it('a group owner, in French, opens their space’s settings from the group page and shares it with another group', async () => {
    const owner = await newMember(t, { username: 'cat_owner' });
    const partner = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    const partners = await newGroup(t, partner, 'public');
    await addToGroup(t, partners, partner, owner);
    const space = await newGroupCategory(t, owner, group);
    const name = (await category(space)).name;
    const page = await signIn(b, t.baseUrl, 'cat_owner', 360, 'fr-CA');
    await page.goto(`${t.baseUrl}/g/${group.slug}`);
    await page.getByRole('link', { name: `Réglages de ${name}` }).click();
    await page.getByRole('heading', { name: `Réglages de ${name}`, level: 1 }).waitFor();
    await page
      .getByRole('group', { name: 'Qui répond' })
      .getByRole('radio', { name: 'Les propriétaires et modérateurs du groupe' })
      .check();
    await page.getByRole('group', { name: 'Partagée avec d’autres groupes' }).getByRole('checkbox', { name: partners.name }).check();
    expect(await axe(page)).toEqual([]);
    expect(await fitsPhone(page)).toBe(true);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    expect(await category(space)).toMatchObject({
      sharedGroupIds: [partners.id],
      access: { see: 'members', start: 'members', reply: 'moderators' },
    });
  });

  it('a member, in French on a phone, reads on a support desk’s page that only they and the staff see their questions', async () => {
    const [asker, other] = [await newMember(t, { username: 'desk_asker' }), await newMember(t)];
    const desk = await newCategory(t, admin, 'Demandez à l’infirmière');
    await t.http().patch(`/api/categories/${desk}`).set(admin.auth).send({ topicsVisibleTo: 'author' }).expect(200);
    const [mine, theirs] = [await newTopic(t, asker, desk), await newTopic(t, other, desk)];
    const page = await signIn(b, t.baseUrl, 'desk_asker', 360, 'fr-CA');
    await page.goto(`${t.baseUrl}/c/${desk}`);
    await page.getByText('Un service d’aide : seuls vous et l’équipe voyez vos questions.').waitFor();
    await page.getByRole('link', { name: mine.title, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: theirs.title, exact: true }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(await fitsPhone(page)).toBe(true);
  });
});
