import type { SanctionDto } from '@harbour/contracts';
import type { TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newTopic } from '../support/forum';
import { inDays, logOf, moderationNotices, moderationStage, queue } from '../support/moderation';
import { connectSocket, nextEvent } from '../support/sockets';

describe('moderation of members', () => {
  let t: TestApp, admin: TestMember, moderator: TestMember, category: string;
  // Notification emails go out after a second here, to show a sanction is mailed once, not twice.
  beforeAll(async () => ({ t, admin, moderator, category } = await moderationStage({ NOTIFICATION_EMAIL_DELAY_SECONDS: '1' })));
  afterAll(() => t.close());
  describe('claims, records and notes', () => {
    it('lets one moderator claim an item; another cannot act on it meanwhile', async () => {
      const author = await newMember(t);
      const reporter = await newMember(t);
      const second = await newMember(t, { role: 'moderator' });
      const topic = await newTopic(t, author, category);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      const item = (await queue(t, moderator)).find((entry) => entry.target.id === topic.id)!;
      expect(item.claimedBy).toBeNull();
      await t.http().post(`/api/moderation/queue/${item.id}/claim`).set(moderator.auth).expect(204);
      expect((await queue(t, second)).find((entry) => entry.id === item.id)!.claimedBy).toMatchObject({ id: moderator.user.id });
      await t.http().post(`/api/moderation/queue/${item.id}/claim`).set(second.auth).expect(409);
      await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(second.auth).send({ action: 'dismiss' }).expect(409);
      await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }).expect(204);
    });

    it('shows staff a member’s record: sanctions, reports about them, and notes only staff read', async () => {
      const member = await newMember(t);
      const reporter = await newMember(t);
      const topic = await newTopic(t, member, category);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'First warning' })
        .expect(201);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/notes`)
        .set(moderator.auth)
        .send({ body: 'Talked to them on Signal' })
        .expect(201);
      await t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(moderator.auth).send({ body: '' }).expect(400);
      await t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(member.auth).send({ body: 'sneaky' }).expect(403);
      const record = (await t.http().get(`/api/moderation/users/${member.user.id}`).set(admin.auth).expect(200)).body as {
        member: { id: string; status: string };
        sanctions: { type: string }[];
        flagsAgainst: number;
        notes: { body: string; author: { id: string } }[];
      };
      expect(record.member).toMatchObject({ id: member.user.id, status: 'active' });
      expect(record.member).not.toHaveProperty('email');
      expect(record.sanctions.map((sanction) => sanction.type)).toEqual(['warn']);
      expect(record.flagsAgainst).toBe(1);
      expect(record.notes).toEqual([
        expect.objectContaining({ body: 'Talked to them on Signal', author: expect.objectContaining({ id: moderator.user.id }) }),
      ]);
      await t.http().get(`/api/moderation/users/${member.user.id}`).set(member.auth).expect(403);
      await t.http().get('/api/moderation/users/00000000-0000-4000-8000-000000000000').set(moderator.auth).expect(404);
    });
  });

  describe('sanctions', () => {
    it('suspends: sessions end, the socket is told and closed, login says until when; lifting lets the member back', async () => {
      const member = await newMember(t);
      const socket = await connectSocket(t.baseUrl, { token: member.token });
      const revoked = nextEvent<{ reason: string }>(socket, 'session:revoked');
      const until = inDays(7);
      const { id } = (
        await t
          .http()
          .post(`/api/moderation/users/${member.user.id}/sanctions`)
          .set(moderator.auth)
          .send({ type: 'suspend', reason: 'Doxxing', until })
          .expect(201)
      ).body as { id: string };
      expect(await revoked).toEqual({ reason: 'suspended' });
      socket.close();
      await t.http().get('/api/me').set(member.auth).expect(401);
      const refused = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(403);
      expect(refused.body.message).toContain(`suspended until ${new Date(until).toISOString()}`);
      const mail = await t.smtp!.waitFor(member.user.email);
      expect(mail.subject).toContain('Your account is suspended');
      expect(mail.text).toContain('Doxxing');

      await t.http().delete(`/api/moderation/users/${member.user.id}/sanctions/${id}`).set(moderator.auth).expect(204);
      await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
      const actions = (await logOf(t, admin, `?targetId=${member.user.id}`)).map((entry) => entry.action);
      expect(actions).toEqual(['sanction.lift', 'sanction.suspend']);
    });

    it('silences: reads work, writes answer 403 until the date; the member is told in their language', async () => {
      const member = await newMember(t);
      await t.http().patch('/api/me').set(member.auth).send({ locale: 'fr' }).expect(200);
      const topic = await newTopic(t, admin, category);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'silence', reason: 'Spam répété', until: inDays(1) })
        .expect(201);
      await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'hello' }).expect(403);
      const mail = await t.smtp!.waitFor(member.user.email);
      expect(mail.subject).toContain('lecture seule');
      expect(mail.text).toContain('Spam répété');
    });

    it('warns: the member sees it, acknowledges it, and may appeal once; the appeal reaches the queue', async () => {
      const member = await newMember(t);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Be kind' })
        .expect(201);
      const [warning] = ((await t.http().get('/api/me/sanctions').set(member.auth).expect(200)).body as { items: SanctionDto[] }).items;
      expect(warning).toMatchObject({ type: 'warn', reason: 'Be kind', acknowledgedAt: null, appealedAt: null });
      const [notice] = await moderationNotices(t, member, 1);
      expect(notice).toMatchObject({ actor: null, data: { sanctionId: warning!.id } });
      // Told once by email: the sanction's own mail, not a second notification email after the delay.
      await t.smtp!.waitFor(member.user.email);
      await queuesIdle(t, ['mail.send', 'notifications.email']);
      expect(t.smtp!.messages.filter((message) => message.to.includes(member.user.email.toLowerCase()))).toHaveLength(1);
      await t.http().post(`/api/me/sanctions/${warning!.id}/acknowledge`).set(member.auth).expect(204);
      await t
        .http()
        .post(`/api/me/sanctions/${warning!.id}/appeal`)
        .set(member.auth)
        .send({ message: 'I was quoting someone' })
        .expect(204);
      await t.http().post(`/api/me/sanctions/${warning!.id}/appeal`).set(member.auth).send({ message: 'Again' }).expect(409);
      await t.http().post(`/api/me/sanctions/${warning!.id}/appeal`).set(member.auth).send({ message: '' }).expect(400);
      const item = (await queue(t, moderator)).find((entry) => entry.kind === 'appeal' && entry.target.id === member.user.id)!;
      expect(item.appeal).toMatchObject({ sanctionId: warning!.id, type: 'warn', message: 'I was quoting someone' });
      // Another member's sanction is not theirs to read or appeal.
      const other = await newMember(t);
      await t.http().post(`/api/me/sanctions/${warning!.id}/acknowledge`).set(other.auth).expect(404);
      // Lifting the sanction closes the appeal.
      await t.http().delete(`/api/moderation/users/${member.user.id}/sanctions/${warning!.id}`).set(moderator.auth).expect(204);
      expect((await queue(t, moderator)).some((entry) => entry.kind === 'appeal' && entry.target.id === member.user.id)).toBe(false);
    });

    it('bans for good; nobody sanctions an admin, and moderators do not sanction moderators', async () => {
      const member = await newMember(t);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'ban', reason: 'Selling' })
        .expect(201);
      const refused = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(403);
      expect(refused.body.message).toContain('banned');

      const otherModerator = await newMember(t, { role: 'moderator' });
      await t
        .http()
        .post(`/api/moderation/users/${otherModerator.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Not allowed' })
        .expect(403);
      await t
        .http()
        .post(`/api/moderation/users/${admin.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Not allowed' })
        .expect(403);
      await t
        .http()
        .post(`/api/moderation/users/${otherModerator.user.id}/sanctions`)
        .set(admin.auth)
        .send({ type: 'warn', reason: 'Careful' })
        .expect(201);
    });

    it('refuses bad sanctions with a 400 naming the field', async () => {
      const member = await newMember(t);
      const url = `/api/moderation/users/${member.user.id}/sanctions`;
      const cases: [object, string][] = [
        [{ type: 'jail', reason: 'x y z' }, 'type'],
        [{ type: 'warn' }, 'reason'],
        [{ type: 'suspend', reason: 'too long' }, 'until'],
        [{ type: 'suspend', reason: 'the past', until: '2001-01-01T00:00:00Z' }, 'until'],
        [{ type: 'silence', reason: 'not a date', until: 'tomorrow' }, 'until'],
        [{ type: 'warn', reason: 'dated warning', until: inDays(1) }, 'until'],
        [{ type: 'ban', reason: 'ok', sneaky: 1 }, 'sneaky'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http().post(url).set(moderator.auth).send(body).expect(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      await t
        .http()
        .post('/api/moderation/users/00000000-0000-4000-8000-000000000000/sanctions')
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'who?' })
        .expect(404);
      const stored = await sql<{ count: number }>(t.databaseUrl, 'SELECT count(*)::int AS count FROM sanctions WHERE user_id = $1', [
        member.user.id,
      ]);
      expect(stored[0]?.count).toBe(0);
    });
  });
});
