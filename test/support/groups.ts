import type { GroupDto, GroupRole, GroupVisibility } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

let counter = 0;

/** A group made through the API by `owner`. */
export async function newGroup(t: TestApp, owner: TestMember, visibility: GroupVisibility = 'private'): Promise<GroupDto> {
  counter += 1;
  const slug = `g${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const response = await t
    .http()
    .post('/api/groups')
    .set(owner.auth)
    .send({ name: `Group ${counter}`, slug, visibility })
    .expect(201);
  return response.body as GroupDto;
}

/** Puts a member in a group with a role, the way people get there: invited by the owner, then accepting. */
export async function addToGroup(
  t: TestApp,
  group: GroupDto,
  owner: TestMember,
  member: TestMember,
  role: GroupRole = 'member',
): Promise<void> {
  const invitation = await t
    .http()
    .post(`/api/groups/${group.slug}/invitations`)
    .set(owner.auth)
    .send({ username: member.user.username })
    .expect(201);
  await t
    .http()
    .post(`/api/invitations/${invitation.body.id as string}/accept`)
    .set(member.auth)
    .send({})
    .expect(204);
  if (role !== 'member') {
    await t.http().patch(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).send({ role }).expect(204);
  }
}

/** A category of the group (its members see, start and reply unless `access` says otherwise). */
export async function newGroupCategory(
  t: TestApp,
  owner: TestMember,
  group: GroupDto,
  extra: Record<string, unknown> = {},
): Promise<string> {
  counter += 1;
  const response = await t
    .http()
    .post('/api/categories')
    .set(owner.auth)
    .send({ name: `Space ${counter}`, groupId: group.id, ...extra })
    .expect(201);
  return response.body.id as string;
}
