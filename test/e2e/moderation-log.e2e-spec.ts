import type { MemberRecordDto, SiteDto, WatchedWordDto } from '@harbour/contracts';
import type { TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newTopic } from '../support/forum';
import { logOf, moderationStage, queue } from '../support/moderation';

describe('moderation log', () => {
  let t: TestApp, admin: TestMember, moderator: TestMember, category: string;
  beforeAll(async () => ({ t, admin, moderator, category } = await moderationStage()));
  afterAll(() => t.close());
  describe('the log', () => {
    it('records role and settings changes and topic moderation; the log cannot be rewritten', async () => {
      const member = await newMember(t);
      const topic = await newTopic(t, member, category);
      await t.http().patch(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ role: 'moderator' }).expect(200);
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: 'Harbour test' }).expect(200);
      await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ locked: true, pinned: true }).expect(200);
      // Written in each action's own transaction: there the moment the action answers, no waiting.
      const entries = await logOf(t, moderator);
      expect(entries.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['user.role', 'settings.update', 'topic.lock', 'topic.pin']),
      );
      expect(entries.find((entry) => entry.action === 'user.role')).toMatchObject({
        targetId: member.user.id,
        reason: 'member → moderator',
        actor: { id: admin.user.id },
      });
      await expect(sql(t.databaseUrl, `UPDATE moderation_log SET reason = 'nothing happened'`)).rejects.toThrow('append-only');
      await expect(sql(t.databaseUrl, 'DELETE FROM moderation_log')).rejects.toThrow('append-only');
      await t.http().get('/api/moderation/log').set(member.auth).expect(200); // now a moderator
      const plain = await newMember(t);
      await t.http().get('/api/moderation/log').set(plain.auth).expect(403);
      await t.http().get('/api/moderation/log?actorId=nope').set(moderator.auth).expect(400);
    });

    it('a staff action whose log entry cannot be written does not happen, in every lib that logs', async () => {
      const member = await newMember(t);
      const topic = await newTopic(t, member, category);
      const reporter = await newMember(t);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      const [item] = (await queue(t, moderator)).filter((entry) => entry.target.id === topic.id);
      const { siteName } = (await t.http().get('/api/site').expect(200)).body as SiteDto;
      // As a crash between the action and its entry would: the entry fails, so the action's transaction must.
      await sql(
        t.databaseUrl,
        `CREATE FUNCTION refuse_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'log unavailable'; END $$;
         CREATE TRIGGER refuse_log BEFORE INSERT ON moderation_log FOR EACH ROW EXECUTE FUNCTION refuse_log()`,
      );
      try {
        const attempts = {
          'topic.lock': t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ locked: true }),
          'settings.update': t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: 'Never renamed' }),
          'user.role': t.http().patch(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ role: 'moderator' }),
          'sanction.warn': t
            .http()
            .post(`/api/moderation/users/${member.user.id}/sanctions`)
            .set(moderator.auth)
            .send({ type: 'warn', reason: 'Unlogged' }),
          'note.add': t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(moderator.auth).send({ body: 'Unlogged note' }),
          'flag.dismiss': t.http().post(`/api/moderation/flags/${item!.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }),
          'watched_word.add': t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'unloggedword', action: 'block' }),
        };
        const statuses: Record<string, number> = {};
        // One at a time: each answers before the next starts.
        for (const [action, attempt] of Object.entries(attempts)) statuses[action] = (await attempt).status;
        expect(statuses).toEqual(Object.fromEntries(Object.keys(attempts).map((action) => [action, 500])));
      } finally {
        await sql(t.databaseUrl, 'DROP TRIGGER refuse_log ON moderation_log; DROP FUNCTION refuse_log()');
      }
      expect((await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200)).body).toMatchObject({ locked: false });
      expect((await t.http().get('/api/site').expect(200)).body).toMatchObject({ siteName });
      const record = (await t.http().get(`/api/moderation/users/${member.user.id}`).set(moderator.auth).expect(200))
        .body as MemberRecordDto;
      expect(record).toMatchObject({ member: { role: 'member' }, sanctions: [], notes: [] });
      expect((await queue(t, moderator)).some((entry) => entry.id === item!.id)).toBe(true);
      const words = (await t.http().get('/api/admin/watched-words').set(admin.auth).expect(200)).body as { items: WatchedWordDto[] };
      expect(words.items.map((entry) => entry.word)).not.toContain('unloggedword');
    });
  });
});
