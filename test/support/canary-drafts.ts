import type { TestApp } from './app';
import { MISSING } from './authorization/matrix';
import { exportedTexts } from './canary-conversations';
import type { TestMember } from './factories';
import { newCategory, newTopic } from './forum';

/** Where the canary's drafts are written: the private space's topic and category, and its word. */
export interface DraftPlace {
  admin: TestMember;
  insider: TestMember;
  outsider: TestMember;
  topicId: string;
  categoryId: string;
  word: string;
}

/**
 * The insider drafts a reply and a topic in the private space (the canary in both): the outsider, asking for or
 * writing those keys, gets the missing draft's 404, body and all, and a visitor the 401. The outsider's own draft
 * for a public topic that then moves into the space is that same 404 (its text is theirs, but the place is not),
 * and nothing of the space reaches them through a draft answer or their export.
 */
export async function expectDraftsKeptInside(t: TestApp, place: DraftPlace): Promise<void> {
  const { admin, insider, outsider, word } = place;
  const call = (who: TestMember | null, method: 'get' | 'put', key: string, body?: object) => {
    const request = t.http()[method](`/api/drafts/${key}`);
    return (who ? request.set(who.auth) : request).send(body);
  };
  const inside = [`topic:${place.topicId}`, `new-topic:${place.categoryId}`];
  await call(insider, 'put', inside[0]!, { body: `${word} half a reply` }).expect(204);
  await call(insider, 'put', inside[1]!, { body: `${word} half a topic`, title: `${word} title` }).expect(204);
  expect((await call(insider, 'get', inside[1]!).expect(200)).text).toContain(word);

  const missing = (await call(outsider, 'get', `topic:${MISSING}`).expect(404)).body as unknown;
  const strangerAnswers = async (key: string) => [
    await call(outsider, 'get', key),
    await call(outsider, 'put', key, { body: 'mine' }),
    await call(null, 'get', key),
  ];
  const moved = (await newTopic(t, outsider, await newCategory(t, admin), 'A question in public')).id;
  await call(outsider, 'put', `topic:${moved}`, { body: 'my own words' }).expect(204);
  await t.http().patch(`/api/topics/${moved}`).set(admin.auth).send({ categoryId: place.categoryId }).expect(200);

  for (const key of [...inside, `topic:${moved}`]) {
    const [got, put, visitor] = await strangerAnswers(key);
    expect({ key, answers: [got!.status, put!.status, visitor!.status], body: got!.body as unknown }).toEqual({
      key,
      answers: [404, 404, 401],
      body: missing,
    });
    for (const answer of [got!, put!, visitor!]) expect(answer.text).not.toContain(word);
  }
  for (const [name, text] of Object.entries(await exportedTexts(t, outsider))) {
    expect({ name, text }).not.toEqual({ name, text: expect.stringContaining(word) });
  }
}
