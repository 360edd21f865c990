import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import type { ConversationDto, MessageDto, PostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, newSite, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';
import { liveALife, sweep } from '../support/leaving';
import { connectSocket, nextEvent } from '../support/sockets';

interface ExportedMessage {
  id: string;
  markdown: string;
  revisions: { markdown: string }[];
}

describe('leaving: export and real deletion', () => {
  let t: TestApp;
  let admin: TestMember;
  let other: TestMember;
  let category: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newSite(t);
    other = await newMember(t);
    category = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  it('exports everything held about the member as a zip of JSON and uploads, password asked again', async () => {
    const life = await liveALife(t, admin, other, category);
    const { member } = life;
    const picture = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    await t.http().put('/api/me/avatar').set(member.auth).attach('file', picture, 'me.png').expect(200);
    // A refusal is a JSON error, not a download: nothing to save as harbour-export.zip.
    for (const [body, status] of [
      [{ password: 'wrong password' }, 403],
      [{}, 400],
    ] as const) {
      const refused = await t.http().post('/api/me/export').set(member.auth).send(body).expect(status);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.headers['content-disposition']).toBeUndefined();
    }
    const response = await t.http().post('/api/me/export').set(member.auth).send({ password: member.password }).responseType('blob');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="harbour-export.zip"');
    expect(response.headers['cache-control']).toContain('no-store');
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'profile.json',
        'posts.json',
        'conversations.json',
        'uploads/',
        'notifications.json',
        'subscriptions.json',
        'groups.json',
        'moderation.json',
      ]),
    );
    const json = (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>;
    expect(json('profile.json')).toMatchObject({ username: member.user.username, email: member.user.email, displayName: life.displayName });
    const posts = json('posts.json') as { posts: { id: string; markdown: string; revisions: { markdown: string }[] }[] };
    expect(posts.posts.find((post) => post.id === life.editedReplyId)).toMatchObject({
      markdown: 'An edited reply',
      revisions: [{ markdown: 'A first draft' }],
    });
    // Their side of their conversations: the subject, their messages with the edit kept, never the other's answer.
    const { letterWord, answerWord, messageIds, id } = life.conversation;
    const letters = json('conversations.json') as {
      conversations: { id: string; subject: string; startedByYou: boolean; yourMessages: ExportedMessage[] }[];
    };
    expect(letters.conversations).toEqual([expect.objectContaining({ id, subject: `About ${letterWord}`, startedByYou: true })]);
    expect(letters.conversations[0]!.yourMessages.map((m) => [m.id, m.markdown, m.revisions.map((r) => r.markdown)])).toEqual([
      [messageIds[0], `First ${letterWord}`, []],
      [messageIds[1], `Edited ${letterWord}`, [`Draft ${letterWord}`]],
    ]);
    expect(Object.values(files).some((bytes) => strFromU8(bytes).includes(answerWord))).toBe(false);
    const uploads = Object.keys(files).filter((name) => /^uploads\/avatar-\d+\.webp$/.test(name));
    expect(uploads.length).toBeGreaterThan(0);
    for (const name of uploads) expect(Buffer.from(files[name]!.slice(8, 12)).toString('latin1')).toBe('WEBP');
    expect(json('subscriptions.json')).toMatchObject({ mailingList: { email: member.user.email, status: 'subscribed' } });
    expect(json('groups.json')).toMatchObject({ memberships: [{ role: 'owner' }], joinRequests: [{ message: 'Let me in please' }] });
    expect(json('moderation.json')).toMatchObject({ sanctions: [{ type: 'warn', appealMessage: expect.stringContaining('by mistake') }] });
    // Nothing of anybody else: the other member's address is not in it.
    expect(Object.values(files).some((bytes) => strFromU8(bytes).includes(other.user.email))).toBe(false);
  });

  it.each(['anonymize', 'delete'] as const)(
    'with posts: %s, leaves nothing that identified the member anywhere in the database (others’ words aside)',
    async (posts) => {
      const life = await liveALife(t, admin, other, category);
      const { member } = life;
      const { letterWord, answerWord, messageIds, answerId } = life.conversation;
      const needles = [member.user.email, member.user.username, life.displayName, life.titleWord, letterWord];
      const before = await sweep(t, needles);
      expect(before.length).toBeGreaterThan(5); // the sweep finds what is there
      expect(before.map((found) => found.where)).toEqual(
        expect.arrayContaining([
          'public.topics.title',
          'public.topics.slug',
          'public.conversations.subject',
          'public.messages.body',
          'public.message_revisions.body',
        ]),
      );
      const searchTitle = async () =>
        ((await t.http().get(`/api/search?q=${life.titleWord}`).set(other.auth).expect(200)).body.items as unknown[]).length;
      expect(await searchTitle()).toBe(1);
      const socket = await connectSocket(t.baseUrl, { token: member.token });
      const revoked = nextEvent<{ reason: string }>(socket, 'session:revoked');
      const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));

      await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts }).expect(204);

      await expect(revoked).resolves.toEqual({ reason: 'deleted' });
      await disconnected;
      // Others' words stay; with posts kept (anonymously) the title of the topic they started stays with them.
      const kept = posts === 'anonymize' ? [life.topicId] : [];
      // Anonymized, their messages and the subject they wrote stay (under deleted-<n>); their edit history goes either way.
      const letters = posts === 'anonymize' ? [...messageIds].sort() : [];
      expect(await sweep(t, needles)).toEqual([
        ...(letters.length > 0 ? [{ where: 'public.conversations.subject', rows: [life.conversation.id] }] : []),
        ...(letters.length > 0 ? ['body', 'html'].map((column) => ({ where: `public.messages.${column}`, rows: letters })) : []),
        { where: 'public.posts.body', rows: [life.quotingPostId] },
        { where: 'public.posts.html', rows: [life.quotingPostId] },
        ...kept.flatMap((id) => [
          { where: 'public.topics.slug', rows: [id] },
          { where: 'public.topics.title', rows: [id] },
        ]),
      ]);
      expect(await searchTitle()).toBe(kept.length);
      const topic = await t.http().get(`/api/topics/${life.topicId}`).set(other.auth).expect(200);
      expect(topic.body.title).toBe(posts === 'anonymize' ? `Montreal ${life.titleWord} here` : '[deleted]');
      const [row] = await sql<{ username: string; email: string; status: string; display_name: string }>(
        t.databaseUrl,
        'SELECT username, email, status, display_name FROM users WHERE id = $1',
        [member.user.id],
      );
      expect(row).toEqual({
        username: expect.stringMatching(/^deleted-\d+$/),
        display_name: row!.username,
        email: `${row!.username}@deleted.invalid`,
        status: 'deleted',
      });
      const conversation = (await t.http().get(`/api/conversations/${life.conversation.id}`).set(other.auth).expect(200))
        .body as ConversationDto;
      expect([conversation.subject, conversation.participants.map((user) => user.id)]).toEqual([
        posts === 'anonymize' ? `About ${letterWord}` : '[deleted]',
        [other.user.id],
      ]);
      const read = await t.http().get(`/api/conversations/${life.conversation.id}/messages`).set(other.auth).expect(200);
      const theirs = posts === 'anonymize' ? [`First ${letterWord}`, `Edited ${letterWord}`] : ['', ''];
      expect((read.body.items as MessageDto[]).map((message) => [message.author?.username ?? null, message.body])).toEqual([
        ...theirs.map((body) => [posts === 'anonymize' ? row!.username : null, body]),
        [other.user.username, `Answer ${answerWord}`],
      ]);
      expect(await sweep(t, [answerWord])).toEqual(
        ['body', 'html'].map((column) => ({ where: `public.messages.${column}`, rows: [answerId] })),
      );
      const page = await t.http().get(`/api/topics/${life.topicId}/posts`).set(other.auth).expect(200);
      const mine = (page.body.items as PostDto[]).filter((post) => post.id === life.firstPostId || post.id === life.editedReplyId);
      expect(mine).toHaveLength(2);
      if (posts === 'anonymize') {
        expect(mine.map((post) => [post.author?.username, post.body])).toEqual([
          [row!.username, `Hello from me, @${other.user.username}`],
          [row!.username, 'An edited reply'],
        ]);
      } else {
        expect(mine.map((post) => [post.deleted, post.body, post.author])).toEqual([
          [true, '', null],
          [true, '', null],
        ]);
        const [stored] = await sql<{ bodies: string }>(
          t.databaseUrl,
          `SELECT string_agg(body || html, '') AS bodies FROM posts WHERE author_id = $1`,
          [member.user.id],
        );
        expect(stored?.bodies).toBe('');
      }
      const [left] = await sql<{ count: number }>(t.databaseUrl, 'SELECT count(*)::int AS count FROM post_revisions WHERE post_id = $1', [
        life.editedReplyId,
      ]);
      expect(left?.count).toBe(0);
      // The picture (bytes, not text: the sweep cannot see it) is gone too, and its URLs change.
      const [avatar] = await sql<{ pictures: number; version: number }>(
        t.databaseUrl,
        'SELECT (SELECT count(*)::int FROM user_avatars WHERE user_id = $1) AS pictures, avatar_version AS version FROM users WHERE id = $1',
        [member.user.id],
      );
      expect(avatar!.pictures).toBe(0);
      expect(avatar!.version).toBeLessThan(0);
      // The other member's group keeps an owner.
      const [owners] = await sql<{ count: number }>(
        t.databaseUrl,
        `SELECT count(*)::int AS count FROM group_members WHERE user_id = $1 AND role = 'owner'`,
        [other.user.id],
      );
      expect(owners!.count).toBeGreaterThanOrEqual(1);
      await t.http().get('/api/me').set(member.auth).expect(401);
      await t.http().post('/api/auth/login').send({ login: row!.username, password: member.password }).expect(401);
    },
  );

  it('frees the username, and refuses deleted- names at registration', async () => {
    const member = await newMember(t);
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'delete' }).expect(204);
    const again = await newMember(t, { username: member.user.username });
    expect(again.user.username).toBe(member.user.username);
    const refused = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'Deleted-7', email: 'someone@example.org', password: 'correct horse battery' })
      .expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('username');
    // Nor a deleted account's address: a later deletion would collide with it.
    const address = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'not_deleted', email: 'deleted-99@deleted.invalid', password: 'correct horse battery' })
      .expect(400);
    expect(JSON.stringify(address.body.message)).toContain('email');
    await t
      .http()
      .post('/api/me/email')
      .set(again.auth)
      .send({ password: again.password, email: 'deleted-98@Deleted.Invalid' })
      .expect(400);
    const [users] = await sql<{ count: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS count FROM users WHERE email IN ('someone@example.org', 'deleted-99@deleted.invalid')`,
    );
    expect(users!.count).toBe(0);
  });
});
