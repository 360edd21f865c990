import { NOTIFICATION_TYPES, type PostDto, type RevisionDto } from '@harbour/contracts';
import { unsubscribeToken } from '@harbour/notifications';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { newGroup } from '../support/groups';

/** Eight requests sent at once: what two people (or two tabs, or a double click) do to one thing. */
const AT_ONCE = 8;

interface Answer {
  status: number;
  body: unknown;
}

/** Sends AT_ONCE requests together and answers their statuses; none may be a 5xx. */
async function atOnce(send: (i: number) => PromiseLike<{ status: number; body: unknown }>): Promise<Answer[]> {
  const answers = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => send(i)));
  expect(answers.filter((answer) => answer.status >= 500).map(({ status, body }) => ({ status, body }))).toEqual([]);
  return answers.map(({ status, body }) => ({ status, body }));
}

const statuses = (answers: Answer[]) => answers.map((answer) => answer.status).sort();

describe('concurrent writes keep every write, or refuse it', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let alice: TestMember;
  let categoryId: string;
  const count = async (query: string, params: unknown[]) => (await sql<{ n: number }>(t.databaseUrl, query, params))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    alice = await newMember(t);
    categoryId = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  describe('editing one post', () => {
    const edit = (post: PostDto, editor: TestMember, body: Record<string, unknown>) =>
      t.http().patch(`/api/posts/${post.id}`).set(editor.auth).send(body);
    const revisions = async (post: PostDto) =>
      (await t.http().get(`/api/posts/${post.id}/revisions`).set(alice.auth).expect(200)).body.items as RevisionDto[];

    it('applies eight edits by the author and a moderator at once, each keeping the body it replaced', async () => {
      const topic = await newTopic(t, alice, categoryId);
      const post = await newReply(t, alice, topic.id, 'Original words');
      expect(post.revision).toBe(0);
      const bodies = Array.from({ length: AT_ONCE }, (_, i) => `Edit ${i} by ${i % 2 ? 'the moderator' : 'the author'}`);
      const answers = await atOnce((i) => edit(post, i % 2 ? moderator : alice, { body: bodies[i] }));
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(200));

      const current = (await t.http().get(`/api/posts/${post.id}`).expect(200)).body as PostDto;
      const history = await revisions(post);
      expect(current.revision).toBe(AT_ONCE);
      expect(history).toHaveLength(AT_ONCE);
      // Nothing lost: every version ever written is either the current body or in the history, once.
      expect([current.body, ...history.map((revision) => revision.body)].sort()).toEqual(['Original words', ...bodies].sort());
    });

    it('with the revision edited from, applies exactly one of eight edits and refuses the others with 409', async () => {
      const topic = await newTopic(t, alice, categoryId);
      const post = await newReply(t, alice, topic.id, 'Shared draft');
      await edit(post, alice, { body: 'Shared draft, first pass', baseRevision: 0 }).expect(200);
      const answers = await atOnce((i) => edit(post, i % 2 ? moderator : alice, { body: `Second pass ${i}`, baseRevision: 1 }));
      expect(statuses(answers)).toEqual([200, ...Array(AT_ONCE - 1).fill(409)]);
      const refused = answers.find((answer) => answer.status === 409)!.body as { message: string };
      expect(refused.message).toMatch(/baseRevision 1 is stale.*revision 2/);

      const winner = answers.find((answer) => answer.status === 200)!.body as PostDto;
      const current = (await t.http().get(`/api/posts/${post.id}`).expect(200)).body as PostDto;
      expect(current).toMatchObject({ body: winner.body, revision: 2 });
      expect((await revisions(post)).map((revision) => revision.body)).toEqual(['Shared draft, first pass', 'Shared draft']);

      // Editing again from the current revision works; a revision from the future is as stale as an old one.
      await edit(post, moderator, { body: 'Third pass', baseRevision: 5 }).expect(409);
      await edit(post, moderator, { body: 'Third pass', baseRevision: 2 }).expect(200);
      await edit(post, alice, { body: 'Third pass', baseRevision: 0 }).expect(200); // the same words lose nothing
      await edit(post, alice, { body: 'x', baseRevision: -1 }).expect(400);
      await edit(post, alice, { body: 'x', baseRevision: 'two' }).expect(400);
    });
  });

  it("eight changes of one's profile at once (name in some tabs, language in others) all stay", async () => {
    const member = await newMember(t);
    // A few rounds: a lost change needs one request's read to fall between another's read and write.
    for (const [round, locale] of [
      [1, 'fr'],
      [2, 'en'],
      [3, 'fr'],
      [4, 'en'],
    ] as const) {
      const answers = await atOnce((i) =>
        t
          .http()
          .patch('/api/me')
          .set(member.auth)
          .send(i % 2 ? { locale } : { displayName: `Renamed ${round}` }),
      );
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(200));
      const me = await t.http().get('/api/me').set(member.auth).expect(200);
      expect(me.body).toMatchObject({ displayName: `Renamed ${round}`, locale });
    }
  });

  describe('notification preferences', () => {
    // Eight distinct kinds, one for each of the eight saves sent at once.
    const TYPES = NOTIFICATION_TYPES.slice(0, 8);

    it('eight first saves at once all land', async () => {
      const member = await newMember(t);
      const answers = await atOnce((i) =>
        t
          .http()
          .patch('/api/notifications/preferences')
          .set(member.auth)
          .send({ deliveries: { [TYPES[i]!]: 'none' } }),
      );
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(200));
      const saved = await t.http().get('/api/notifications/preferences').set(member.auth).expect(200);
      for (const type of TYPES) expect(saved.body.deliveries[type]).toBe('none');
      expect(await count('SELECT count(*)::int AS n FROM notification_settings WHERE user_id = $1', [member.user.id])).toBe(1);
    });

    it('eight clicks of one unsubscribe link at once all answer, and turn the mail off once', async () => {
      const member = await newMember(t);
      const token = unsubscribeToken(t.config.sessionSecret, member.user.id, 'reply');
      const answers = await atOnce(() =>
        t
          .http()
          .post(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`)
          .send({}),
      );
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(200));
      const saved = await t.http().get('/api/notifications/preferences').set(member.auth).expect(200);
      expect(saved.body.deliveries.reply).toBe('in_app');
      expect(await count('SELECT count(*)::int AS n FROM notification_settings WHERE user_id = $1', [member.user.id])).toBe(1);
    });
  });

  describe('marks on a post or topic', () => {
    let post: PostDto;
    let members: TestMember[];
    beforeAll(async () => {
      const topic = await newTopic(t, alice, categoryId);
      post = await newReply(t, alice, topic.id);
      members = await Promise.all(Array.from({ length: AT_ONCE }, () => newMember(t)));
    });

    it('a reaction, a bookmark and a notification level sent eight times at once are kept once', async () => {
      const member = await newMember(t);
      const react = await atOnce(() =>
        t
          .http()
          .put(`/api/posts/${post.id}/reactions/${encodeURIComponent('❤️')}`)
          .set(member.auth),
      );
      const mark = await atOnce(() => t.http().put(`/api/posts/${post.id}/bookmark`).set(member.auth));
      const levels = ['watching', 'tracking', 'normal', 'muted'];
      const level = await atOnce((i) =>
        t
          .http()
          .put(`/api/topics/${post.topicId}/notification-level`)
          .set(member.auth)
          .send({ level: levels[i % levels.length] }),
      );
      for (const answers of [react, mark, level]) expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(204));
      const seen = (await t.http().get(`/api/posts/${post.id}`).set(member.auth).expect(200)).body as PostDto;
      expect(seen).toMatchObject({ reactions: { '❤️': 1 }, myReactions: ['❤️'], bookmarked: true });
      expect(await count('SELECT count(*)::int AS n FROM bookmarks WHERE user_id = $1', [member.user.id])).toBe(1);
      expect(await count('SELECT count(*)::int AS n FROM topic_notification_levels WHERE user_id = $1', [member.user.id])).toBe(1);
    });

    it('eight members reacting at once are all counted', async () => {
      const answers = await atOnce((i) =>
        t
          .http()
          .put(`/api/posts/${post.id}/reactions/${encodeURIComponent('👍')}`)
          .set(members[i]!.auth),
      );
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(204));
      expect(((await t.http().get(`/api/posts/${post.id}`).expect(200)).body as PostDto).reactions['👍']).toBe(AT_ONCE);
    });

    it('eight reports of one post at once make one queue item, which one moderator at a time can claim', async () => {
      const reports = await atOnce((i) =>
        t.http().post('/api/flags').set(members[i]!.auth).send({ targetType: 'post', targetId: post.id, reason: 'spam' }),
      );
      expect(statuses(reports)).toEqual(Array(AT_ONCE).fill(201));
      const items = await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM review_items WHERE target_id = $1 AND status = 'open'`, [
        post.id,
      ]);
      expect(items).toHaveLength(1);
      // The same eight, made moderators, all claim the item at once.
      await sql(t.databaseUrl, `UPDATE users SET role = 'moderator' WHERE id = ANY($1)`, [members.map((member) => member.user.id)]);
      const claims = await atOnce((i) => t.http().post(`/api/moderation/queue/${items[0]!.id}/claim`).set(members[i]!.auth));
      expect(statuses(claims)).toEqual([204, ...Array(AT_ONCE - 1).fill(409)]);
    });
  });

  describe('groups', () => {
    const memberCount = async (slug: string) =>
      (await t.http().get(`/api/groups/${slug}`).set(admin.auth).expect(200)).body.memberCount as number;

    it('eight invitations of one member at once make one invitation, and eight accepts add them once', async () => {
      const group = await newGroup(t, alice);
      const invited = await newMember(t);
      const invitations = await atOnce(() =>
        t.http().post(`/api/groups/${group.slug}/invitations`).set(alice.auth).send({ username: invited.user.username }),
      );
      expect(statuses(invitations)).toEqual(Array(AT_ONCE).fill(201));
      expect(new Set(invitations.map((answer) => (answer.body as { id: string }).id)).size).toBe(1);
      expect(await count('SELECT count(*)::int AS n FROM group_invitations WHERE user_id = $1', [invited.user.id])).toBe(1);

      const id = (invitations[0]!.body as { id: string }).id;
      const accepts = await atOnce(() => t.http().post(`/api/invitations/${id}/accept`).set(invited.auth).send({}));
      expect(statuses(accepts)).toEqual([204, ...Array(AT_ONCE - 1).fill(404)]);
      expect(await memberCount(group.slug)).toBe(2);
    });

    it('eight join requests at once make one request to a private group and one membership of a public one', async () => {
      const closed = await newGroup(t, alice, 'private');
      const open = await newGroup(t, alice, 'public');
      const member = await newMember(t);
      const asks = await atOnce(() => t.http().post(`/api/groups/${closed.slug}/join-requests`).set(member.auth).send({ message: 'hi' }));
      expect(statuses(asks)).toEqual(Array(AT_ONCE).fill(201));
      expect(await count('SELECT count(*)::int AS n FROM group_join_requests WHERE user_id = $1', [member.user.id])).toBe(1);

      const joins = await atOnce(() => t.http().post(`/api/groups/${open.slug}/join-requests`).set(member.auth).send({}));
      expect(joins.filter((answer) => answer.status === 201).length).toBeGreaterThanOrEqual(1);
      expect(joins.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
      expect(await memberCount(open.slug)).toBe(2);
      expect(await count('SELECT count(*)::int AS n FROM group_members WHERE user_id = $1', [member.user.id])).toBe(1);
    });
  });

  describe('staff actions', () => {
    it('eight sanctions of one member at once all count in their standing', async () => {
      const member = await newMember(t);
      const day = 86_400_000;
      const now = Date.now();
      const until = (i: number) => new Date(now + (i + 1) * day).toISOString();
      const answers = await atOnce((i) =>
        t
          .http()
          .post(`/api/moderation/users/${member.user.id}/sanctions`)
          .set(i % 2 ? admin.auth : moderator.auth)
          .send({ type: i % 2 ? 'suspend' : 'silence', reason: `Sanction number ${i}`, until: until(i) }),
      );
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(201));
      const [user] = await sql<{ status: string; silenced: Date; suspended: Date }>(
        t.databaseUrl,
        'SELECT status, silenced_until AS silenced, suspended_until AS suspended FROM users WHERE id = $1',
        [member.user.id],
      );
      // The longest of each kind stands, whichever transaction committed last.
      expect(user!.status).toBe('suspended');
      expect(user!.silenced.toISOString()).toBe(until(AT_ONCE - 2));
      expect(user!.suspended.toISOString()).toBe(until(AT_ONCE - 1));
    });

    it('eight moves of one topic at once move it once, and every category still counts its topics exactly', async () => {
      const [from, toB, toC] = [await newCategory(t, admin), await newCategory(t, admin), await newCategory(t, admin)];
      const topic = await newTopic(t, alice, from);
      const answers = await atOnce((i) =>
        t
          .http()
          .patch(`/api/topics/${topic.id}`)
          .set(i % 2 ? admin.auth : moderator.auth)
          .send({ categoryId: i % 2 ? toB : toC }),
      );
      expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
      const counts = await sql<{ id: string; topic_count: number; real: number }>(
        t.databaseUrl,
        `SELECT c.id, c.topic_count, (SELECT count(*)::int FROM topics WHERE category_id = c.id) AS real
           FROM categories c WHERE c.id = ANY($1)`,
        [[from, toB, toC]],
      );
      for (const category of counts) expect(category.topic_count).toBe(category.real);
      expect(counts.reduce((sum, category) => sum + category.real, 0)).toBe(1);
    });

    it('eight categories of one name made at once each get their own slug', async () => {
      const answers = await atOnce(() => t.http().post('/api/categories').set(admin.auth).send({ name: 'Same name' }));
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(201));
      const slugs = answers.map((answer) => (answer.body as { slug: string }).slug).sort();
      expect(slugs).toEqual(['same-name', ...Array.from({ length: AT_ONCE - 1 }, (_, i) => `same-name-${i + 2}`)].sort());
    });
  });

  describe('site-wide lists', () => {
    it('eight moderators adding one watched word at once add it once; the others hear 409', async () => {
      const answers = await atOnce(() =>
        t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'Spamword', action: 'censor' }),
      );
      expect(statuses(answers)).toEqual([201, ...Array(AT_ONCE - 1).fill(409)]);
      expect(await count(`SELECT count(*)::int AS n FROM watched_words WHERE word_key = 'spamword'`, [])).toBe(1);
    });

    it('eight subscriptions of one new address at once make one row and send one confirmation', async () => {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ mailingSenderName: 'Harbour Network' }).expect(200);
      const answers = await atOnce(() => t.http().post('/api/mailing/subscribe').send({ email: 'twice.clicked@example.org' }));
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(202));
      expect(await count(`SELECT count(*)::int AS n FROM subscribers WHERE email = 'twice.clicked@example.org'`, [])).toBe(1);
      await t.smtp!.waitFor('twice.clicked@example.org');
      await queuesIdle(t, ['mail.send']); // each answer came after its mail (if any) was queued: all of it has gone
      expect(t.smtp!.countFor('twice.clicked@example.org')).toBe(1);
    });

    it('eight admins changing different settings at once keep every change', async () => {
      const changes = [
        { siteName: 'Harbour under load' },
        { groupCreation: 'admins' },
        { mailingSenderName: 'Load Network' },
        { mailingAddress: '1 Load Street' },
        { rateLimits: { flagsPerDay: 7 } },
        { rateLimits: { topicsPerDay: 9 } },
        { newMemberReviewPosts: 3 },
        { loginRequired: true },
      ];
      const answers = await atOnce((i) => t.http().patch('/api/admin/settings').set(admin.auth).send(changes[i]));
      expect(statuses(answers)).toEqual(Array(AT_ONCE).fill(200));
      const settings = (await t.http().get('/api/admin/settings').set(admin.auth).expect(200)).body;
      expect(settings).toMatchObject({
        siteName: 'Harbour under load',
        groupCreation: 'admins',
        mailingSenderName: 'Load Network',
        mailingAddress: '1 Load Street',
        rateLimits: { flagsPerDay: 7, topicsPerDay: 9 },
        newMemberReviewPosts: 3,
        loginRequired: true,
      });
    });
  });
});
