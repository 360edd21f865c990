import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { deletionUnderWay } from '../support/deletion-race';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { newGroup } from '../support/groups';
import { sweep } from '../support/leaving';

/**
 * The member's words sent to other libs (a report's note, an appeal, a join request, a message) while their deletion runs:
 * each waits for the deletion's row lock, then finds the account gone (401) and leaves nothing behind the erasure.
 */
describe('leaving: words for moderators and groups racing the deletion', () => {
  let t: TestApp;
  let admin: TestMember;
  let postId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    postId = (await newTopic(t, admin, await newCategory(t, admin))).firstPost.id;
  });
  afterAll(() => t.close());

  it('keeps no report note sent during the deletion', async () => {
    const leaving = await newMember(t);
    const status = await deletionUnderWay(t, leaving, () =>
      t.http().post('/api/flags').set(leaving.auth).send({ targetType: 'post', targetId: postId, reason: 'spam', note: 'RACENOTE' }),
    );
    expect(status).toBe(401);
    expect(await sweep(t, ['RACENOTE'])).toEqual([]);
  });

  it('keeps no appeal sent during the deletion', async () => {
    const leaving = await newMember(t);
    const sanction = await t
      .http()
      .post(`/api/moderation/users/${leaving.user.id}/sanctions`)
      .set(admin.auth)
      .send({ type: 'warn', reason: 'Off-topic posting' })
      .expect(201);
    const status = await deletionUnderWay(t, leaving, () =>
      t
        .http()
        .post(`/api/me/sanctions/${sanction.body.id as string}/appeal`)
        .set(leaving.auth)
        .send({ message: 'RACEAPPEAL it was me' }),
    );
    expect(status).toBe(401);
    expect(await sweep(t, ['RACEAPPEAL'])).toEqual([]);
  });

  it('keeps no join request sent during the deletion', async () => {
    const leaving = await newMember(t);
    const group = await newGroup(t, admin, 'private');
    const status = await deletionUnderWay(t, leaving, () =>
      t.http().post(`/api/groups/${group.slug}/join-requests`).set(leaving.auth).send({ message: 'RACEJOIN let me in' }),
    );
    expect(status).toBe(401);
    expect(await sweep(t, ['RACEJOIN'])).toEqual([]);
  });

  it('keeps no reaction or bookmark sent during the deletion', async () => {
    const leaving = await newMember(t);
    const reacted = await deletionUnderWay(t, leaving, () =>
      t
        .http()
        .put(`/api/posts/${postId}/reactions/${encodeURIComponent('❤️')}`)
        .set(leaving.auth),
    );
    const again = await newMember(t);
    const bookmarked = await deletionUnderWay(t, again, () => t.http().put(`/api/posts/${postId}/bookmark`).set(again.auth));
    expect([reacted, bookmarked]).toEqual([401, 401]);
    const [left] = await sql<{ n: number }>(
      t.databaseUrl,
      'SELECT (SELECT count(*)::int FROM reactions WHERE user_id = ANY($1)) + (SELECT count(*)::int FROM bookmarks WHERE user_id = ANY($1)) AS n',
      [[leaving.user.id, again.user.id]],
    );
    expect(left?.n).toBe(0);
  });

  it('keeps no message or conversation sent during the deletion', async () => {
    const leaving = await newMember(t);
    const started = await t
      .http()
      .post('/api/conversations')
      .set(leaving.auth)
      .send({ to: [admin.user.username], subject: 'Before leaving', body: 'Hello' })
      .expect(201);
    const sent = await deletionUnderWay(t, leaving, () =>
      t
        .http()
        .post(`/api/conversations/${started.body.id as string}/messages`)
        .set(leaving.auth)
        .send({ body: 'RACELETTER one more thing' }),
    );
    const again = await newMember(t);
    const opened = await deletionUnderWay(t, again, () =>
      t
        .http()
        .post('/api/conversations')
        .set(again.auth)
        .send({ to: [admin.user.username], subject: 'RACESUBJECT', body: 'RACELETTER hello' }),
    );
    expect([sent, opened]).toEqual([401, 401]);
    expect(await sweep(t, ['RACELETTER', 'RACESUBJECT'])).toEqual([]);
    const [left] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM conversations WHERE created_by_id = $1', [
      again.user.id,
    ]);
    expect(left?.n).toBe(0);
  });
});
