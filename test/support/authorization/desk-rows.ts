import type { GroupDto } from '@harbour/contracts';
import type { TestApp } from '../app';
import type { TestMember } from '../factories';
import { newCategory, newTopic } from '../forum';
import { newGroupCategory } from '../groups';
import { roles, type Row } from './matrix';

/**
 * Matrix rows of issue 20's support desks (`topicsVisibleTo: author`): a site desk's and the private group's
 * desk's topic, started by the bystander, are the bystander's and their space's staff's; every other role
 * gets the 404 of a missing topic, as on any route that reads them.
 */
export interface DeskFixtures {
  siteTopic: string;
  sitePost: string;
  spaceTopic: string;
  spacePost: string;
}

/** The two desks and the bystander's topic in each (the bystander belongs to the private group). */
export async function deskFixtures(
  t: TestApp,
  people: { admin: TestMember; owner: TestMember; bystander: TestMember },
  group: GroupDto,
): Promise<DeskFixtures> {
  const { admin, owner, bystander } = people;
  const siteDesk = await newCategory(t, admin, 'Desk of the matrix');
  await t.http().patch(`/api/categories/${siteDesk}`).set(admin.auth).send({ topicsVisibleTo: 'author' }).expect(200);
  const spaceDesk = await newGroupCategory(t, owner, group, { topicsVisibleTo: 'author' });
  const [site, space] = [await newTopic(t, bystander, siteDesk), await newTopic(t, bystander, spaceDesk)];
  return { siteTopic: site.id, sitePost: site.firstPost.id, spaceTopic: space.id, spacePost: space.firstPost.id };
}

/** The site desk's staff: site moderators and admins. */
const siteDeskStaff = (status: number) => roles(404, 404, { moderator: status, admin: status });
/** The private group's desk: its moderators and owners, and admins (site moderators do not even see the space). */
const spaceDeskStaff = (status: number) => roles(404, 404, { groupModerator: status, groupOwner: status, admin: status });

export const DESK_ROWS: Row[] = [
  { method: 'GET', path: '/api/topics/:id', url: (f) => `/api/topics/${f.desks.siteTopic}`, expect: siteDeskStaff(200) },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.desks.siteTopic}/posts`, expect: siteDeskStaff(200) },
  { method: 'GET', path: '/api/topics/:id/notices', url: (f) => `/api/topics/${f.desks.siteTopic}/notices`, expect: siteDeskStaff(200) },
  { method: 'GET', path: '/api/posts/:id', url: (f) => `/api/posts/${f.desks.sitePost}`, expect: siteDeskStaff(200) },
  { method: 'GET', path: '/api/posts/:id/revisions', url: (f) => `/api/posts/${f.desks.sitePost}/revisions`, expect: siteDeskStaff(200) },
  { method: 'GET', path: '/api/topics/:id', url: (f) => `/api/topics/${f.desks.spaceTopic}`, expect: spaceDeskStaff(200) },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.desks.spaceTopic}/posts`, expect: spaceDeskStaff(200) },
  { method: 'GET', path: '/api/posts/:id', url: (f) => `/api/posts/${f.desks.spacePost}`, expect: spaceDeskStaff(200) },
  {
    method: 'POST',
    path: '/api/topics/:id/posts',
    url: (f) => `/api/topics/${f.desks.siteTopic}/posts`,
    body: { body: 'An answer from the desk' },
    expect: { ...siteDeskStaff(201), anonymous: 401 },
  },
  {
    method: 'PUT',
    path: '/api/posts/:id/bookmark',
    url: (f) => `/api/posts/${f.desks.spacePost}/bookmark`,
    expect: { ...spaceDeskStaff(204), anonymous: 401 },
  },
];
