import type { GroupDto, GroupMemberDto, PageDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { addToGroup, newGroup } from '../support/groups';

describe('groups and their private spaces', () => {
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

  describe('creating', () => {
    it('makes the creator its owner, with one member', async () => {
      const response = await t
        .http()
        .post('/api/groups')
        .set(owner.auth)
        .send({ name: '  Montréal Peers ', slug: 'mtl-peers', description: 'Pairs aidants', visibility: 'private' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'Montréal Peers',
        slug: 'mtl-peers',
        description: 'Pairs aidants',
        visibility: 'private',
        memberCount: 1,
        myRole: 'owner',
        myJoinRequestPending: false,
        // The sole owner manages and invites, but may not leave before handing the group over.
        can: { join: false, requestToJoin: false, invite: true, manage: true, leave: false, message: false },
      });
      // Someone else may only ask to join (a private group) and write to its staff, and is offered nothing more.
      const seen = await t.http().get('/api/groups/mtl-peers').set(outsider.auth).expect(200);
      expect((seen.body as GroupDto).can).toEqual({
        join: false,
        requestToJoin: true,
        invite: false,
        manage: false,
        leave: false,
        message: true,
      });
      const members = await t.http().get('/api/groups/mtl-peers/members').set(owner.auth).expect(200);
      expect((members.body as PageDto<GroupMemberDto>).items.map((m) => [m.user.username, m.role])).toEqual([['owner_olive', 'owner']]);
    });

    it('refuses a taken slug with 409, and bad fields with a 400 naming them; nothing is stored', async () => {
      await t.http().post('/api/groups').set(member.auth).send({ name: 'Again', slug: 'mtl-peers', visibility: 'public' }).expect(409);
      const bad = await t
        .http()
        .post('/api/groups')
        .set(member.auth)
        .send({ name: 'x', slug: 'Bad Slug!', visibility: 'secret', extra: 1 })
        .expect(400);
      const message = (bad.body.message as string[]).join(' ');
      for (const field of ['name', 'slug', 'visibility', 'extra']) expect(message).toContain(field);
      const hostile = await t
        .http()
        .post('/api/groups')
        .set(member.auth)
        .send({ name: '<script>alert(1)</script>\u202e', slug: 'hostile', visibility: 'public' });
      expect(hostile.status).toBe(400);
      expect(await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM groups WHERE slug = 'hostile'`)).toEqual([{ n: 0 }]);
    });

    it('can be restricted to admins by the site settings', async () => {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ groupCreation: 'admins' }).expect(200);
      await t.http().post('/api/groups').set(member.auth).send({ name: 'Nope', slug: 'nope', visibility: 'public' }).expect(403);
      await t.http().post('/api/groups').set(admin.auth).send({ name: 'Staff', slug: 'staff-only', visibility: 'public' }).expect(201);
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ groupCreation: 'members' }).expect(200);
    });
  });

  describe('visibility', () => {
    it('lists public and private groups to all, hidden ones only to their members', async () => {
      const hidden = await newGroup(t, owner, 'hidden');
      const anonymous = await t.http().get('/api/groups').expect(200);
      const slugs = (anonymous.body.items as GroupDto[]).map((g) => g.slug);
      expect(slugs).toContain('mtl-peers');
      expect(slugs).not.toContain(hidden.slug);
      const mine = await t.http().get('/api/groups').set(owner.auth).expect(200);
      expect((mine.body.items as GroupDto[]).map((g) => g.slug)).toContain(hidden.slug);
      await t.http().get(`/api/groups/${hidden.slug}`).set(outsider.auth).expect(404);
      await t.http().get(`/api/groups/${hidden.slug}`).set(admin.auth).expect(200);
      // A hidden group cannot be asked to join: it does not exist for an outsider.
      await t.http().post(`/api/groups/${hidden.slug}/join-requests`).set(outsider.auth).send({}).expect(404);
    });

    it("shows a public group's members to anyone and a private group's only to its members", async () => {
      const open = await newGroup(t, owner, 'public');
      await t.http().get(`/api/groups/${open.slug}/members`).expect(200);
      await t.http().get('/api/groups/mtl-peers/members').expect(401);
      await t.http().get('/api/groups/mtl-peers/members').set(outsider.auth).expect(403);
    });
  });

  describe('invitations', () => {
    it('by username: the member sees it, accepts, and is in; someone else cannot use it', async () => {
      const group = await newGroup(t, owner, 'private');
      const invited = await t
        .http()
        .post(`/api/groups/${group.slug}/invitations`)
        .set(owner.auth)
        .send({ username: 'MEMBER_MO' })
        .expect(201);
      const id = invited.body.id as string;
      expect(invited.body.token).toBeUndefined();
      const list = await t.http().get('/api/invitations').set(member.auth).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id,
          group: { id: group.id, name: group.name, slug: group.slug },
          invitedBy: expect.objectContaining({ username: 'owner_olive' }),
        }),
      ]);
      await t.http().post(`/api/invitations/${id}/accept`).set(outsider.auth).send({}).expect(404);
      await t.http().post(`/api/invitations/${id}/accept`).set(member.auth).send({}).expect(204);
      await t.http().post(`/api/invitations/${id}/accept`).set(member.auth).send({}).expect(404);
      const after = await t.http().get(`/api/groups/${group.slug}`).set(member.auth).expect(200);
      expect(after.body).toMatchObject({ myRole: 'member', memberCount: 2 });
      await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ username: 'member_mo' }).expect(409);
    });

    it('by email: a one-use link is mailed, and whoever holds it joins once', async () => {
      const group = await newGroup(t, owner, 'private');
      const invited = await t
        .http()
        .post(`/api/groups/${group.slug}/invitations`)
        .set(owner.auth)
        .send({ email: 'friend@example.org' })
        .expect(201);
      const mail = await t.smtp!.waitFor('friend@example.org');
      expect(mail.text).toContain(`/invitations/${invited.body.id as string}?token=`);
      expect(mail.text).toContain(group.name);
      const token = new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get('token')!;
      expect(token).toBe(invited.body.token);
      const friend = await newMember(t);
      await t
        .http()
        .post(`/api/invitations/${invited.body.id as string}/accept`)
        .set(friend.auth)
        .send({ token: 'wrong' })
        .expect(404);
      await t
        .http()
        .get(`/api/invitations/${invited.body.id as string}?token=${token}`)
        .set(friend.auth)
        .expect(200);
      await t
        .http()
        .post(`/api/invitations/${invited.body.id as string}/accept`)
        .set(friend.auth)
        .send({ token })
        .expect(204);
      await t
        .http()
        .post(`/api/invitations/${invited.body.id as string}/accept`)
        .set(outsider.auth)
        .send({ token })
        .expect(404);
      const stored = await sql<{ token_hash: string }>(t.databaseUrl, 'SELECT token_hash FROM group_invitations WHERE id = $1', [
        invited.body.id,
      ]);
      expect(stored[0]!.token_hash).not.toContain(token);
    });

    it('are sent by owners and group moderators only, and need exactly one of username or email', async () => {
      const group = await newGroup(t, owner, 'private');
      await addToGroup(t, group, owner, member);
      await t.http().post(`/api/groups/${group.slug}/invitations`).set(member.auth).send({ username: 'outsider_oz' }).expect(403);
      await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({}).expect(400);
      await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ username: 'nobody_here' }).expect(400);
      await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ email: 'not-an-email' }).expect(400);
    });
  });

  describe('join requests', () => {
    it('joins a public group at once', async () => {
      const group = await newGroup(t, owner, 'public');
      const response = await t.http().post(`/api/groups/${group.slug}/join-requests`).set(outsider.auth).send({}).expect(201);
      expect(response.body.status).toBe('approved');
      expect((await t.http().get(`/api/groups/${group.slug}`).set(outsider.auth)).body.myRole).toBe('member');
    });

    it('waits for an owner in a private group, who approves or declines', async () => {
      const group = await newGroup(t, owner, 'private');
      const asked = await t
        .http()
        .post(`/api/groups/${group.slug}/join-requests`)
        .set(outsider.auth)
        .send({ message: 'I run the van' })
        .expect(201);
      expect(asked.body.status).toBe('pending');
      expect((await t.http().get(`/api/groups/${group.slug}`).set(outsider.auth)).body).toMatchObject({
        myRole: null,
        myJoinRequestPending: true,
      });
      const pending = await t.http().get(`/api/groups/${group.slug}/join-requests`).set(owner.auth).expect(200);
      expect(pending.body.items).toEqual([expect.objectContaining({ id: asked.body.id, message: 'I run the van' })]);
      await t
        .http()
        .post(`/api/groups/${group.slug}/join-requests/${asked.body.id as string}/approve`)
        .set(owner.auth)
        .expect(204);
      await t
        .http()
        .post(`/api/groups/${group.slug}/join-requests/${asked.body.id as string}/approve`)
        .set(owner.auth)
        .expect(404);
      expect((await t.http().get(`/api/groups/${group.slug}`).set(outsider.auth)).body).toMatchObject({ myRole: 'member', memberCount: 2 });

      const other = await newMember(t);
      const second = await t.http().post(`/api/groups/${group.slug}/join-requests`).set(other.auth).send({}).expect(201);
      await t
        .http()
        .post(`/api/groups/${group.slug}/join-requests/${second.body.id as string}/decline`)
        .set(owner.auth)
        .expect(204);
      expect((await t.http().get(`/api/groups/${group.slug}`).set(other.auth)).body.myRole).toBeNull();
    });
  });
});
