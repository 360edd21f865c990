import type { CategoryDto, TopicDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

describe('groups and their private spaces: members, roles and spaces', () => {
  let t: TestApp;
  let admin: TestMember;
  let owner: TestMember;
  let member: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    owner = await newMember(t, { username: 'owner_olive' });
    member = await newMember(t, { username: 'member_mo' });
    outsider = await newMember(t, { username: 'outsider_oz' });
  });
  afterAll(() => t.close());

  describe('members and roles', () => {
    it('always keeps an owner, lets moderators remove members only, and lets anyone leave', async () => {
      const group = await newGroup(t, owner, 'private');
      const mod = await newMember(t);
      await addToGroup(t, group, owner, mod, 'moderator');
      await addToGroup(t, group, owner, member);
      await t.http().delete(`/api/groups/${group.slug}/members/${owner.user.id}`).set(owner.auth).expect(409);
      await t.http().patch(`/api/groups/${group.slug}/members/${owner.user.id}`).set(owner.auth).send({ role: 'member' }).expect(409);
      await t.http().patch(`/api/groups/${group.slug}/members/${member.user.id}`).set(mod.auth).send({ role: 'owner' }).expect(403);
      await t.http().patch(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).send({ role: 'boss' }).expect(400);
      await t.http().delete(`/api/groups/${group.slug}/members/${owner.user.id}`).set(mod.auth).expect(403);
      await t.http().delete(`/api/groups/${group.slug}/members/${member.user.id}`).set(mod.auth).expect(204);
      await t.http().delete(`/api/groups/${group.slug}/members/${mod.user.id}`).set(mod.auth).expect(204);
      await t.http().delete(`/api/groups/${group.slug}/members/${outsider.user.id}`).set(owner.auth).expect(404);
      expect((await t.http().get(`/api/groups/${group.slug}`).set(owner.auth)).body.memberCount).toBe(1);
    });

    it('keeps the member count right when many join at once', async () => {
      const group = await newGroup(t, owner, 'public');
      const joiners = await Promise.all(Array.from({ length: 12 }, () => newMember(t)));
      await Promise.all(joiners.map((j) => t.http().post(`/api/groups/${group.slug}/join-requests`).set(j.auth).send({}).expect(201)));
      expect((await t.http().get(`/api/groups/${group.slug}`)).body.memberCount).toBe(13);
    });
  });

  describe('group categories', () => {
    it('are made by the group owner; their topics are for members and admins only', async () => {
      const group = await newGroup(t, owner, 'public');
      await addToGroup(t, group, owner, member);
      await t.http().post('/api/categories').set(member.auth).send({ name: 'Not mine', groupId: group.id }).expect(400);
      const categoryId = await newGroupCategory(t, owner, group);
      const category = (await t.http().get(`/api/categories/${categoryId}`).set(member.auth).expect(200)).body as CategoryDto;
      expect(category).toMatchObject({ groupId: group.id, private: true, access: { see: 'members', start: 'members', reply: 'members' } });
      const topic = await newTopic(t, member, categoryId, 'Only for us');
      await t.http().get(`/api/topics/${topic.id}`).set(outsider.auth).expect(404);
      await t.http().get(`/api/topics/${topic.id}`).expect(404);
      await t.http().get(`/api/topics/${topic.id}`).set(admin.auth).expect(200);
      const listed = await t.http().get('/api/categories').set(outsider.auth).expect(200);
      expect((listed.body.items as CategoryDto[]).map((c) => c.id)).not.toContain(categoryId);
      const latest = await t.http().get('/api/topics').set(outsider.auth).expect(200);
      expect((latest.body.items as TopicDto[]).map((x) => x.id)).not.toContain(topic.id);
    });

    it('follow their own permissions: announcements only moderators start, opened to everyone to read', async () => {
      const group = await newGroup(t, owner, 'public');
      await addToGroup(t, group, owner, member);
      const categoryId = await newGroupCategory(t, owner, group, { access: { see: 'everyone', start: 'moderators', reply: 'members' } });
      await t.http().post('/api/topics').set(member.auth).send({ categoryId, title: 'Not allowed', body: 'x' }).expect(403);
      const topic = await newTopic(t, owner, categoryId, 'Announcement');
      await t.http().get(`/api/topics/${topic.id}`).expect(200);
      await newReply(t, member, topic.id);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(outsider.auth).send({ body: 'hi' }).expect(403);
      const wider = await t
        .http()
        .post('/api/categories')
        .set(owner.auth)
        .send({ name: 'Wrong', groupId: group.id, access: { see: 'members', start: 'everyone', reply: 'members' } })
        .expect(400);
      expect(JSON.stringify(wider.body.message)).toContain('access.start');
    });

    it('can be shared with another group for inter-agency work', async () => {
      const host = await newGroup(t, owner, 'private');
      const partnerOwner = await newMember(t);
      const partner = await newGroup(t, partnerOwner, 'private');
      const categoryId = await newGroupCategory(t, owner, host, { sharedGroupIds: [partner.id] });
      const topic = await newTopic(t, partnerOwner, categoryId, 'Shared protocol');
      await t.http().get(`/api/topics/${topic.id}`).set(partnerOwner.auth).expect(200);
      await t.http().get(`/api/topics/${topic.id}`).set(outsider.auth).expect(404);
      // Only the owning group's owners and moderators moderate the shared space.
      await t.http().patch(`/api/topics/${topic.id}`).set(partnerOwner.auth).send({ pinned: true }).expect(403);
      await t.http().patch(`/api/topics/${topic.id}`).set(owner.auth).send({ pinned: true }).expect(200);
    });

    it('lose what was open to everyone at once when their group stops being public', async () => {
      const group = await newGroup(t, owner, 'public');
      const categoryId = await newGroupCategory(t, owner, group, { access: { see: 'everyone', start: 'members', reply: 'everyone' } });
      const topic = await newTopic(t, owner, categoryId);
      await t.http().get(`/api/topics/${topic.id}/posts`).expect(200);
      await t.http().patch(`/api/groups/${group.slug}`).set(owner.auth).send({ visibility: 'private' }).expect(200);
      await t.http().get(`/api/topics/${topic.id}/posts`).expect(404);
      await t.http().get(`/api/topics/${topic.id}/posts`).set(outsider.auth).expect(404);
      const category = (await t.http().get(`/api/categories/${categoryId}`).set(owner.auth).expect(200)).body as CategoryDto;
      expect(category.access).toEqual({ see: 'members', start: 'members', reply: 'members' });
    });

    it('take access away at once from a removed member, and from everyone when a topic moves in', async () => {
      const group = await newGroup(t, owner, 'private');
      await addToGroup(t, group, owner, member);
      const categoryId = await newGroupCategory(t, owner, group);
      const topic = await newTopic(t, owner, categoryId);
      await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200);
      await t.http().delete(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).expect(204);
      await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(404);

      const publicCategory = await newCategory(t, admin);
      const moving = await newTopic(t, outsider, publicCategory);
      await t.http().get(`/api/topics/${moving.id}/posts`).expect(200);
      // A group owner does not moderate the public category: only someone who moderates both may move.
      await t.http().patch(`/api/topics/${moving.id}`).set(owner.auth).send({ categoryId }).expect(403);
      await t.http().patch(`/api/topics/${moving.id}`).set(admin.auth).send({ categoryId }).expect(200);
      await t.http().get(`/api/topics/${moving.id}/posts`).expect(404);
      await t.http().get(`/api/topics/${moving.id}/posts`).set(outsider.auth).expect(404);
    });
  });
});
