import type { SubscriberDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { addToGroup, newGroup } from '../support/groups';
import { importSubscribers, newMailing, setMailingSender, waitForMailing } from '../support/mailings';

describe('mailings: drafts, audiences, stopping mail and the list', () => {
  let t: TestApp;
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAILING_RATE: '0', MAILING_RETRY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    // Nothing is sent before the sender's postal address is set (CASL).
    await setMailingSender(t, admin);
  });
  afterAll(() => t.close());

  async function subscriber(email: string): Promise<SubscriberDto | undefined> {
    const response = await t
      .http()
      .get(`/api/mailing/subscribers?q=${encodeURIComponent(email)}`)
      .set(admin.auth)
      .expect(200);
    return (response.body.items as SubscriberDto[]).find((s) => s.email === email);
  }

  it('schedules, cancels and edits a draft; refuses bad mailings with the field named', async () => {
    const mailing = await newMailing(t, admin, { subject: 'Later' });
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({ at }).expect(202);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt: at, total: 0 });
    await t.http().patch(`/api/mailings/${mailing.id}`).set(admin.auth).send({ subject: 'x' }).expect(409);
    await t.http().post(`/api/mailings/${mailing.id}/cancel`).set(admin.auth).expect(200);
    const edited = await t
      .http()
      .patch(`/api/mailings/${mailing.id}`)
      .set(admin.auth)
      .send({ subject: 'Later, edited', subjectFr: 'Plus tard' })
      .expect(400);
    expect(JSON.stringify(edited.body.message)).toContain('subjectFr and bodyFr');
    await t.http().patch(`/api/mailings/${mailing.id}`).set(admin.auth).send({ subject: 'Later, edited' }).expect(200);
    await t.http().post(`/api/mailings/${mailing.id}/cancel`).set(admin.auth).expect(409);

    for (const [body, field] of [
      [{ subject: '', body: 'x', audience: 'subscribers' }, 'subject'],
      [{ subject: 'x', body: 'x', audience: 'everyone' }, 'audience'],
      [{ subject: 'x', body: 'x', audience: { groupId: 'not-a-uuid' } }, 'audience'],
      [{ subject: 'x', body: 'x', audience: { groupId: '00000000-0000-4000-8000-000000000000' } }, 'audience.groupId'],
      [{ subject: 'x\u202e', body: 'x', audience: 'subscribers' }, 'subject'],
      [{ subject: 'x', body: 'a\u0000b', audience: 'subscribers' }, 'body'],
      [{ subject: 'x', body: 'x'.repeat(100_001), audience: 'subscribers' }, 'body'],
      [{ subject: 'x', body: 'x', audience: 'subscribers', sender: 'me' }, 'sender'],
    ] as const) {
      const response = await t.http().post('/api/mailings').set(admin.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({ at: 'tomorrow' }).expect(400);
    await t.http().get('/api/mailings/not-an-id').set(admin.auth).expect(404);
    await t.http().delete(`/api/mailings/${mailing.id}`).set(admin.auth).expect(204);
    await t.http().get(`/api/mailings/${mailing.id}`).set(admin.auth).expect(404);
  });

  it('mails the members who subscribed from their account, or one group, and keeps a group’s mailing out of the archive', async () => {
    const reader = await newMember(t);
    const owner = await newMember(t);
    const quiet = await newMember(t);
    expect((await t.http().get('/api/mailing/me').set(reader.auth).expect(200)).body).toEqual({ subscribed: false });
    await t.http().put('/api/mailing/me').set(reader.auth).send({ subscribed: true }).expect(200, { subscribed: true });
    await t.http().put('/api/mailing/me').set(reader.auth).send({ subscribed: 'yes' }).expect(400);

    const members = await newMailing(t, admin, { subject: 'For members', audience: 'members' });
    await t.http().post(`/api/mailings/${members.id}/send`).set(admin.auth).send({}).expect(202);
    const toMembers = await waitForMailing(t, admin, members.id, (m) => m.status === 'sent');
    expect(toMembers.total).toBe(1);
    expect((await t.smtp!.waitFor(reader.user.email)).subject).toBe('For members');

    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, quiet);
    // quiet unsubscribed from an earlier mailing's link: the group's mailing skips them too.
    await sql(t.databaseUrl, `INSERT INTO subscribers (email, status) VALUES (lower($1), 'unsubscribed')`, [quiet.user.email]);
    const toGroup = await newMailing(t, admin, { subject: 'Private group news', audience: { groupId: group.id } });
    expect(toGroup.audienceName).toBe(group.name);
    await t.http().post(`/api/mailings/${toGroup.id}/send`).set(admin.auth).send({}).expect(202);
    const groupDone = await waitForMailing(t, admin, toGroup.id, (m) => m.status === 'sent');
    expect(groupDone.total).toBe(1);
    const groupMail = await t.smtp!.waitFor(owner.user.email);
    expect(groupMail.text).not.toContain('/mailings/');
    expect(t.smtp!.countFor(quiet.user.email)).toBe(0);

    const archive = await t.http().get('/api/mailings/archive?limit=100').expect(200);
    expect((archive.body.items as { id: string }[]).map((i) => i.id)).not.toContain(toGroup.id);
    expect(JSON.stringify(archive.body)).not.toContain('Private group news');
    const missing = await t.http().get('/api/mailings/archive/00000000-0000-4000-8000-000000000000').expect(404);
    const hidden = await t.http().get(`/api/mailings/archive/${toGroup.id}`).set(reader.auth).expect(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('lets an admin stop mail to an address but never start it, and logs the staff actions', async () => {
    await importSubscribers(t, admin, [{ email: 'phoned@example.org' }]);
    const row = (await subscriber('phoned@example.org'))!;
    const refused = await t.http().patch(`/api/mailing/subscribers/${row.id}`).set(admin.auth).send({ status: 'subscribed' }).expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('status');
    await t.http().patch(`/api/mailing/subscribers/${row.id}`).set(admin.auth).send({ status: 'complained', note: 'x' }).expect(400);
    const changed = await t.http().patch(`/api/mailing/subscribers/${row.id}`).set(admin.auth).send({ status: 'complained' }).expect(200);
    expect(changed.body).toMatchObject({ email: 'phoned@example.org', status: 'complained' });
    // A complaint is final for imports and the public form alike.
    expect((await importSubscribers(t, admin, [{ email: 'phoned@example.org' }])).skipped).toBe(1);
    await t.http().post('/api/mailing/subscribe').send({ email: 'phoned@example.org' }).expect(202);
    await queuesIdle(t, ['mail.send']);
    expect(t.smtp!.countFor('phoned@example.org')).toBe(0);
    await t.http().patch('/api/mailing/subscribers/not-an-id').set(admin.auth).send({ status: 'bounced' }).expect(404);

    const log = await t.http().get('/api/moderation/log?limit=100').set(admin.auth).expect(200);
    const actions = (log.body.items as { action: string }[]).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['mailing.send', 'mailing.schedule', 'mailing.cancel', 'subscribers.import', 'subscriber.complained']),
    );
  });
});
