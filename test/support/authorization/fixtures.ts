import type { TestApp } from '../app';
import { sql } from '../database';
import { newMember, type TestMember } from '../factories';
import { newCategory, newReply, newTopic } from '../forum';
import { addToGroup, newGroup, newGroupCategory } from '../groups';
import { alertFixtures } from './alerts-rows';
import { anonymousFixtures } from './anonymous-rows';
import { markRepliedByEmail } from './mail-replies-rows';
import { conversationFixtures } from './conversations-rows';
import { deskFixtures } from './desk-rows';
import { seedDrafts } from './drafts-rows';
import { MISSING, type Fixtures, type MatrixRole } from './matrix';
import { uploadFixtures } from './uploads-rows';

/** The members of every role and the objects the rows act on (see Fixtures), made through the API. */
export async function matrixFixtures(t: TestApp): Promise<{ members: Partial<Record<MatrixRole, TestMember>>; fixtures: Fixtures }> {
  const members: Partial<Record<MatrixRole, TestMember>> = {};
  const admin = await newMember(t, { role: 'admin' });
  members.admin = admin;
  members.moderator = await newMember(t, { role: 'moderator' });
  for (const role of ['outsider', 'member', 'groupModerator', 'groupOwner', 'silenced', 'suspended'] as const) {
    members[role] = await newMember(t);
  }
  const victim = await newMember(t);
  const bystander = await newMember(t);
  await newMember(t, { username: 'matrix_invitee' });
  const category = await newCategory(t, admin);
  const topic = await newTopic(t, victim, category);

  // The group roles: the owner founds both groups and brings the others in.
  const owner = members.groupOwner!;
  const group = await newGroup(t, owner, 'private');
  const hiddenGroup = await newGroup(t, owner, 'hidden');
  for (const g of [group, hiddenGroup]) {
    await addToGroup(t, g, owner, members.groupModerator!, 'moderator');
    for (const role of ['member', 'silenced', 'suspended'] as const) await addToGroup(t, g, owner, members[role]!);
  }
  await addToGroup(t, group, owner, bystander);
  const privateCategory = await newGroupCategory(t, owner, group);
  const privateTopic = await newTopic(t, members.member!, privateCategory);
  // Before the silencing below: the silenced member has written in a conversation.
  const conversations = await conversationFixtures(t, members, group);
  const desks = await deskFixtures(t, { admin, owner, bystander }, group);
  const anonymous = await anonymousFixtures(t, { admin, moderator: members.moderator, bystander });
  const alerts = await alertFixtures(t, admin, bystander);
  const uploads = await uploadFixtures(t, members, { victim, bystander, topic: topic.id, privateTopic: privateTopic.id, conversations });
  await seedDrafts(t, members, [topic.id, privateTopic.id]);
  await markRepliedByEmail(t, [topic.firstPost.id, privateTopic.firstPost.id]);
  await sql(t.databaseUrl, `UPDATE users SET silenced_until = now() + interval '1 day' WHERE id = $1`, [members.silenced!.user.id]);
  await sql(t.databaseUrl, `UPDATE users SET status = 'suspended' WHERE id = $1`, [members.suspended!.user.id]);

  const fixtures: Fixtures = {
    victim: victim.user.id,
    category,
    topic: topic.id,
    post: topic.firstPost.id,
    privateTopic: privateTopic.id,
    privatePost: privateTopic.firstPost.id,
    privateCategory,
    group,
    hiddenGroup,
    bystander,
    conversations,
    uploads,
    desks,
    anonymous,
    alerts,
    freshPost: async () => (await newReply(t, victim, topic.id)).id,
    freshTopicWithReply: async (where) => {
      const fresh = await newTopic(t, admin, where === 'public' ? category : privateCategory);
      return { topicId: fresh.id, postId: (await newReply(t, admin, fresh.id)).id };
    },
    freshGroupMember: async () => {
      const joiner = await newMember(t);
      await addToGroup(t, group, owner, joiner);
      return joiner.user.id;
    },
    freshCategory: (where) => (where === 'site' ? newCategory(t, admin) : newGroupCategory(t, owner, group)),
    freshJoinRequest: async () => {
      const asker = await newMember(t);
      const response = await t.http().post(`/api/groups/${group.slug}/join-requests`).set(asker.auth).send({}).expect(201);
      return response.body.id as string;
    },
    freshQueueItem: async (where) => {
      const post = where === 'public' ? await newReply(t, victim, topic.id) : await newReply(t, members.member!, privateTopic.id);
      await t.http().post('/api/flags').set(bystander.auth).send({ targetType: 'post', targetId: post.id, reason: 'spam' }).expect(201);
      const [item] = await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM review_items WHERE target_id = $1 AND status = 'open'`, [
        post.id,
      ]);
      return item!.id;
    },
    freshSanction: async () => {
      const response = await t
        .http()
        .post(`/api/moderation/users/${victim.user.id}/sanctions`)
        .set(admin.auth)
        .send({ type: 'warn', reason: 'To be lifted' })
        .expect(201);
      return response.body.id as string;
    },
    invitationFor: async (role) => {
      // The anonymous and the suspended (whose token is dead) never reach the invitation: any id will do.
      const invitee = role === 'anonymous' || role === 'suspended' ? undefined : members[role];
      if (!invitee) return MISSING;
      const own = await newGroup(t, victim, 'private');
      const response = await t
        .http()
        .post(`/api/groups/${own.slug}/invitations`)
        .set(victim.auth)
        .send({ username: invitee.user.username })
        .expect(201);
      return response.body.id as string;
    },
  };
  return { members, fixtures };
}
