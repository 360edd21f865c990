import type { TestApp } from '../app';
import type { TestMember } from '../factories';
import { newCategory, newTopic } from '../forum';
import { adminOnly, roles, type Row } from './matrix';

/**
 * Matrix rows of issue 20's anonymous posting: asking to unmask an anonymous post is for those who moderate its
 * space; the requests are read by admins and by their own requester; approving is an admin's who did not ask.
 */
export interface AnonymousFixtures {
  /** The bystander's anonymous topic's first post, in a site category that allows anonymity. */
  post: string;
  /** A request by the site moderator, never approved. */
  request: string;
  /** A new pending request by the site moderator, for a row that approves one. */
  freshRequest: () => Promise<string>;
}

export async function anonymousFixtures(
  t: TestApp,
  people: { admin: TestMember; moderator: TestMember; bystander: TestMember },
): Promise<AnonymousFixtures> {
  const { admin, moderator, bystander } = people;
  const category = await newCategory(t, admin, 'Anonymous corner');
  await t.http().patch(`/api/categories/${category}`).set(admin.auth).send({ anonymous: 'required' }).expect(200);
  const post = (await newTopic(t, bystander, category)).firstPost.id;
  const freshRequest = async () =>
    (await t.http().post(`/api/moderation/posts/${post}/unmask`).set(moderator.auth).send({ reason: 'For the matrix' }).expect(201)).body
      .id as string;
  return { post, request: await freshRequest(), freshRequest };
}

export const ANONYMOUS_ROWS: Row[] = [
  {
    method: 'POST',
    path: '/api/moderation/posts/:id/unmask',
    url: (f) => `/api/moderation/posts/${f.anonymous.post}/unmask`,
    body: { reason: 'Credible threats' },
    expect: roles(401, 403, { moderator: 201, admin: 201 }),
  },
  { method: 'GET', path: '/api/moderation/unmask-requests', expect: adminOnly(200) },
  {
    method: 'GET',
    path: '/api/moderation/unmask-requests/:id',
    url: (f) => `/api/moderation/unmask-requests/${f.anonymous.request}`,
    // Its requester (the site moderator) and admins; for anyone else it is the 404 of a missing one.
    expect: roles(401, 404, { moderator: 200, admin: 200 }),
  },
  {
    method: 'POST',
    path: '/api/moderation/unmask-requests/:id/approve',
    url: async (f) => `/api/moderation/unmask-requests/${await f.anonymous.freshRequest()}/approve`,
    // The requester may not approve their own request: a different admin must.
    expect: roles(401, 404, { moderator: 403, admin: 200 }),
  },
];
