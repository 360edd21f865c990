import type { MailingDto, PageDto, ReviewItemDto, SubscriberDto, TopicWithFirstPostDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { newMember, newSite, type TestMember } from './factories';
import { newCategory, newReply, newTopic } from './forum';
import { MISSING_UUID, type RealIds } from './fuzz';
import { addToGroup, newGroup } from './groups';
import { newMailing } from './mailings';

/** One real object of every kind a path can name, and who owns them, for the fuzzer to aim at. */
export interface FuzzFixtures {
  admin: TestMember;
  member: TestMember;
  /** The member whom user-targeted routes (roles, sanctions, group membership) are aimed at. */
  victim: TestMember;
  topic: TopicWithFirstPostDto;
  mailing: MailingDto;
  /** Real ids by body property name, for plausible bodies. */
  ids: RealIds;
  /** The real value of `{param}` in `path`; a missing id where nothing real fits. */
  realValue(path: string, param: string): string;
}

export async function fuzzFixtures(t: TestApp): Promise<FuzzFixtures> {
  const admin = await newSite(t);
  const member = await newMember(t);
  const victim = await newMember(t);
  const asker = await newMember(t);
  const category = await newCategory(t, admin);
  const topic = await newTopic(t, member, category);
  const reply = await newReply(t, victim, topic.id);
  const group = await newGroup(t, member, 'private');
  await addToGroup(t, group, member, victim);
  const joinRequest = await t.http().post(`/api/groups/${group.slug}/join-requests`).set(asker.auth).send({}).expect(201);
  const invitation = await t
    .http()
    .post(`/api/groups/${group.slug}/invitations`)
    .set(member.auth)
    .send({ username: admin.user.username })
    .expect(201);
  await t.http().post('/api/flags').set(victim.auth).send({ targetType: 'post', targetId: topic.firstPost.id, reason: 'spam' }).expect(201);
  const queue = (await t.http().get('/api/moderation/queue').set(admin.auth).expect(200)).body as PageDto<ReviewItemDto>;
  const sanction = (reason: string, who: TestMember) =>
    t.http().post(`/api/moderation/users/${who.user.id}/sanctions`).set(admin.auth).send({ type: 'warn', reason }).expect(201);
  const victimSanction = await sanction('Please be kind', victim);
  const memberSanction = await sanction('Please be gentle', member);
  const word = await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'fuzzword', action: 'censor' }).expect(201);
  const mailing = await newMailing(t, admin);
  await t.http().post('/api/mailing/subscribe').send({ email: 'reader@example.org' }).expect(202);
  const subscribers = (await t.http().get('/api/mailing/subscribers').set(admin.auth).expect(200)).body as PageDto<SubscriberDto>;
  // The most specific pattern first: each says what a real `{param}` is on the routes it matches.
  const real: [RegExp, string][] = [
    [/\/join-requests\/\{id\}/, joinRequest.body.id as string],
    [/\{slug\}/, group.slug],
    [/\{userId\}/, victim.user.id],
    [/\{emoji\}/, encodeURIComponent('❤️')],
    [/\{sanctionId\}/, victimSanction.body.id as string],
    [/^\/api\/(admin\/users|moderation\/users)\/\{id\}/, victim.user.id],
    [/^\/api\/categories\/\{id\}/, category],
    [/^\/api\/topics\/\{id\}/, topic.id],
    [/^\/api\/posts\/\{id\}/, reply.id],
    [/^\/api\/invitations\/\{id\}/, invitation.body.id as string],
    [/^\/api\/moderation\/(queue|flags)\/\{id\}/, queue.items[0]!.id],
    [/^\/api\/me\/sanctions\/\{id\}/, memberSanction.body.id as string],
    [/^\/api\/admin\/watched-words\/\{id\}/, word.body.id as string],
    [/^\/api\/mailings\/(archive\/)?\{id\}/, mailing.id],
    [/^\/api\/mailing\/subscribers\/\{id\}/, subscribers.items[0]!.id],
  ];
  const realValue = (path: string, param: string): string => {
    const at = path.indexOf(`{${param}}`);
    for (const [pattern, value] of real) {
      const match = pattern.exec(path);
      if (match && match.index <= at && match.index + match[0].length > at) return value;
    }
    return MISSING_UUID;
  };
  const ids = { categoryId: category, topicId: topic.id, postId: reply.id, targetId: reply.id, groupId: group.id, userId: victim.user.id };
  return { admin, member, victim, topic, mailing, ids, realValue };
}
