import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';
import { choosePostAction } from '../support/reading';

describe('the forum in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let admin: TestMember;
  let categoryId: string;

  beforeAll(async () => {
    t = await startTestApp({ webDir: WEB_DIR });
    b = await launchBrowser();
    admin = await newMember(t, { username: 'keeper' });
    await newMember(t, { username: 'rosa' });
    categoryId = await newCategory(t, admin, 'Peer support');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const signIn = (username: string): Promise<Page> => signInAs(b, t.baseUrl, username);

  it('starts a topic with a content warning, then someone replies in the thread and reacts', async () => {
    const keeper = await signIn('keeper');
    await keeper.getByRole('link', { name: 'Peer support' }).click();
    await keeper.getByRole('button', { name: 'New topic' }).click();
    await keeper.getByLabel('Title').fill('Where to find naloxone');
    await keeper.getByLabel('First post').fill('Pharmacies carry **free** kits.');
    await keeper.getByRole('button', { name: 'Preview' }).click();
    await keeper.locator('.preview strong', { hasText: 'free' }).waitFor();
    await keeper.getByRole('button', { name: 'Write' }).click();
    await keeper.getByLabel('Content warning (optional)').fill('overdose');
    await keeper.getByRole('button', { name: 'Start the topic' }).click();
    await keeper.getByRole('heading', { name: 'Where to find naloxone' }).waitFor();
    const topicUrl = keeper.url();
    expect(topicUrl).toMatch(/\/t\/[0-9a-f-]{36}$/);

    const rosa = await signIn('rosa');
    await rosa.goto(topicUrl);
    const warning = rosa.getByText('Content warning: overdose. Open to read.');
    await warning.waitFor();
    expect(await rosa.locator('.post-body strong').first().isVisible()).toBe(false);
    await warning.click();
    await rosa.locator('.post-body strong', { hasText: 'free' }).waitFor();

    await rosa.getByRole('button', { name: 'Reply', exact: true }).first().click();
    await rosa.getByRole('heading', { name: 'Replying to keeper' }).waitFor();
    await rosa.getByLabel('Your reply').fill('Thank you, @keeper!');
    await rosa.getByRole('button', { name: 'Post the reply' }).click();
    await rosa.locator('.thread-nested .post-body', { hasText: 'Thank you' }).waitFor();
    expect(await rosa.locator('.thread-nested a.mention').getAttribute('href')).toBe('/u/keeper');

    await rosa.getByRole('button', { name: 'Add a reaction' }).first().click();
    await rosa.getByRole('button', { name: 'React with ❤️ (0 reactions)' }).first().click();
    await rosa.getByRole('button', { name: 'React with ❤️ (1 reaction)' }).first().waitFor();
    expect(await rosa.getByRole('button', { name: 'React with ❤️ (1 reaction)' }).first().getAttribute('aria-pressed')).toBe('true');

    await choosePostAction(rosa, 'Quote');
    const quoted = await rosa.getByLabel('Your reply').inputValue();
    expect(quoted).toContain('> Pharmacies carry **free** kits.');
    expect(quoted).toMatch(/> — \[@keeper\]\(\/t\/[0-9a-f-]{36}#post-[0-9a-f-]{36}\)/);
    await rosa.getByLabel('Your reply').fill(`${quoted}Quoting for the record.`);
    await rosa.getByRole('button', { name: 'Post the reply' }).click();
    await rosa.locator('.post-body blockquote a', { hasText: '@keeper' }).first().waitFor();

    await rosa.getByRole('button', { name: 'In order' }).click();
    expect(await rosa.locator('ol.thread article.post').count()).toBe(3);
    await rosa.context().close();
    await keeper.context().close();
  });

  it('edits a post and shows its history', async () => {
    const keeper = await signIn('keeper');
    await keeper.goto(`${t.baseUrl}/c/${categoryId}`);
    await keeper.getByRole('link', { name: 'Where to find naloxone' }).click();
    await keeper.getByRole('heading', { name: 'Where to find naloxone' }).waitFor();
    await choosePostAction(keeper, 'Edit');
    const editor = keeper.getByLabel('Edit the post');
    await editor.fill('Pharmacies and harm-reduction sites carry free kits.');
    await keeper.getByRole('button', { name: 'Save the edit' }).click();
    // The post's own "⋯" comes back when its editor closes; until then the first one on the page is the next post's.
    await editor.waitFor({ state: 'detached' });
    await keeper.getByText('harm-reduction sites', { exact: false }).first().waitFor({ state: 'attached' });
    await choosePostAction(keeper, 'Edit history');
    await keeper.locator('.revision pre', { hasText: 'Pharmacies carry **free** kits.' }).waitFor();
    await keeper.context().close();
  });

  it('refuses an edit made while someone else saved one, and keeps the words typed', async () => {
    const keeper = await signIn('keeper');
    await keeper.goto(`${t.baseUrl}/c/${categoryId}`);
    await keeper.getByRole('link', { name: 'Where to find naloxone' }).click();
    await keeper.getByRole('heading', { name: 'Where to find naloxone' }).waitFor();
    await choosePostAction(keeper, 'Edit');
    // While the form is open, the same post is edited elsewhere (another tab, a moderator).
    // The topic's address is /t/<slug>/<id> (from a list) or /t/<id>: its id is the one uuid in it.
    const topicId = /[0-9a-f-]{36}/.exec(keeper.url())![0];
    const posts = await t.http().get(`/api/topics/${topicId}/posts`).expect(200);
    const first = posts.body.items[0] as { id: string };
    await t.http().patch(`/api/posts/${first.id}`).set(admin.auth).send({ body: 'Edited in another tab.' }).expect(200);

    const editor = keeper.getByLabel('Edit the post');
    await editor.fill('My careful rewrite.');
    await keeper.getByRole('button', { name: 'Save the edit' }).click();
    await keeper.getByRole('alert').filter({ hasText: 'Someone changed this post while you were editing it' }).waitFor();
    expect(await editor.inputValue()).toBe('My careful rewrite.');
    const stored = await t.http().get(`/api/posts/${first.id}`).expect(200);
    expect(stored.body.body).toBe('Edited in another tab.');

    // Cancelling shows the other edit; editing again starts from it, and saves.
    await keeper.getByRole('button', { name: 'Cancel' }).click();
    // (The post is behind its content warning: its words are in the page, folded.)
    await keeper.getByText('Edited in another tab.').waitFor({ state: 'attached' });
    await choosePostAction(keeper, 'Edit');
    await keeper.getByLabel('Edit the post').fill('My careful rewrite, on top of the other edit.');
    await keeper.getByRole('button', { name: 'Save the edit' }).click();
    await keeper.getByText('My careful rewrite, on top of the other edit.').waitFor({ state: 'attached' });
    await keeper.context().close();
  });

  it('moves between posts with j and k', async () => {
    const rosa = await signIn('rosa');
    await rosa.goto(`${t.baseUrl}/c/${categoryId}`);
    await rosa.getByRole('link', { name: 'Where to find naloxone' }).click();
    await rosa.locator('article.post').nth(1).waitFor();
    await rosa.locator('h1').focus();
    await rosa.keyboard.press('j');
    await rosa.keyboard.press('j');
    const focused = await rosa.evaluate('document.activeElement && document.activeElement.getAttribute("data-post-number")');
    expect(focused).toBe('2');
    await rosa.context().close();
  });

  it('shows a member a moderator’s edit as “Edited by a moderator”, naming nobody, and the author’s own edit by name', async () => {
    const moderator = await newMember(t, { role: 'moderator', username: 'mod_ana' });
    const rosaApi = await t.http().post('/api/auth/login').send({ login: 'rosa', password: 'correct horse battery' }).expect(200);
    const rosaAuth = { Authorization: `Bearer ${(rosaApi.body as { token: string }).token}` };
    const topic = await t
      .http()
      .post('/api/topics')
      .set(rosaAuth)
      .send({ categoryId, title: 'Edited twice', body: 'My first words.' })
      .expect(201);
    const postId = (topic.body as { firstPost: { id: string } }).firstPost.id;
    await t.http().patch(`/api/posts/${postId}`).set(rosaAuth).send({ body: 'My second words.' }).expect(200);
    await t.http().patch(`/api/posts/${postId}`).set(moderator.auth).send({ body: 'Words a moderator left.' }).expect(200);

    const rosa = await signIn('rosa');
    await rosa.goto(`${t.baseUrl}/t/${(topic.body as { id: string }).id}`);
    await choosePostAction(rosa, 'Edit history');
    const history = rosa.locator('section.revisions');
    await history.locator('.revision-editor', { hasText: 'Edited by a moderator' }).waitFor();
    await history.locator('.revision-editor', { hasText: 'Edited by rosa' }).waitFor();
    expect(await history.textContent()).not.toContain('mod_ana');
    await rosa.context().close();
  });
});
