import { strFromU8, unzipSync } from 'fflate';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { PushSink, subscribe } from '../support/push';

describe('web push', () => {
  let t: TestApp;
  let category: string;
  let replier: TestMember;
  const sink = new PushSink();
  beforeAll(async () => {
    await sink.start();
    t = await startTestApp();
    const admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
    replier = await newMember(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('gives anyone the VAPID public key, the one kept in the database for every process', async () => {
    const first = await t.http().get('/api/push/key').expect(200);
    const again = await t.http().get('/api/push/key').expect(200);
    expect(Buffer.from(first.body.publicKey, 'base64url')).toHaveLength(65);
    expect(again.body).toEqual(first.body);
    const stored = await sql<{ public_key: string }>(t.databaseUrl, 'SELECT public_key FROM push_keys');
    expect(stored).toEqual([{ public_key: first.body.publicKey }]);
  });

  it('says only "New activity" unless the member turns details on, and forgets a device its push service calls gone', async () => {
    const member = await newMember(t);
    const phone = sink.device('phone');
    const id = await subscribe(t, member, phone);
    expect(await subscribe(t, member, phone)).toBe(id); // the same device again: the same subscription
    const topic = await newTopic(t, member, category, 'the first post');
    await newReply(t, replier, topic.id, 'words about the clinic on Main Street');

    const [quiet] = await sink.waitFor('phone', 1);
    expect(quiet).toEqual({ title: 'New activity', body: '', url: '/notifications', tag: 'activity' });
    const headers = sink.received[0]!.headers;
    expect(headers).toMatchObject({ ttl: '43200', urgency: 'normal', 'content-encoding': 'aes128gcm' });
    expect(headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);

    await t.http().patch('/api/notifications/preferences').set(member.auth).send({ pushDetails: true }).expect(200);
    const reply = await newReply(t, replier, topic.id, 'more words about the clinic');
    const [, detailed] = await sink.waitFor('phone', 2);
    expect(detailed).toEqual({
      title: `${replier.user.displayName} replied to you in “${topic.title}”`,
      body: 'more words about the clinic',
      url: `/t/${topic.slug}/${topic.id}/${reply.number}`,
      tag: topic.id,
    });

    // The browser unsubscribed on its side: the push service answers 410, and the subscription goes.
    sink.answer('phone', 410);
    await newReply(t, replier, topic.id, 'a reply to a phone that left');
    await queuesIdle(t, ['push.send']);
    await waitUntil(async () => (await sql(t.databaseUrl, 'SELECT 1 FROM push_subscriptions WHERE id = $1', [id])).length === 0);
    expect(sink.to('phone')).toHaveLength(2);
  });

  it('refuses hostile input with a 400 naming the field; another member’s subscription is a 404', async () => {
    const owner = await newMember(t);
    const other = await newMember(t);
    const device = sink.device('tablet');
    const good = device.subscription;
    const bad: [object, string][] = [
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, endpoint: 'ftp://127.0.0.1/push' }, 'endpoint'],
      [{ ...good, endpoint: `https://push.example/${'a'.repeat(2100)}` }, 'endpoint'],
      [{ ...good, endpoint: 42 }, 'endpoint'],
      [{ endpoint: good.endpoint }, 'keys'],
      [{ ...good, keys: 'p256dh' }, 'keys'],
      [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(1) } }, 'keys.p256dh'],
      // 65 bytes of the right shape that are not a point on the curve.
      [{ ...good, keys: { ...good.keys, p256dh: Buffer.alloc(65, 4).toString('base64url') } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: 'short' } }, 'keys.auth'],
      [{ ...good, keys: { ...good.keys, auth: '<script>alert(1)</script>' } }, 'keys.auth'],
      [{ ...good, expirationTime: null, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const response = await t.http().post('/api/push/subscriptions').set(owner.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    await t.http().post('/api/push/subscriptions').send(good).expect(401);
    expect(await sql(t.databaseUrl, 'SELECT 1 FROM push_subscriptions WHERE user_id = $1', [owner.user.id])).toEqual([]);

    const id = await subscribe(t, owner, device);
    await t.http().delete(`/api/push/subscriptions/${id}`).set(other.auth).expect(404);
    await t.http().delete('/api/push/subscriptions/not-an-id').set(owner.auth).expect(404);
    await t.http().delete(`/api/push/subscriptions/${id}`).expect(401);
    await t.http().delete(`/api/push/subscriptions/${id}`).set(owner.auth).expect(204);
    await t.http().delete(`/api/push/subscriptions/${id}`).set(owner.auth).expect(404);

    // At most twenty devices a member: the oldest goes, so one notification never becomes a flood of jobs.
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) ids.push(await subscribe(t, other, sink.device(`many-${i}`)));
    const kept = await sql<{ id: string }>(t.databaseUrl, 'SELECT id FROM push_subscriptions WHERE user_id = $1', [other.user.id]);
    expect(kept.map((row) => row.id).sort()).toEqual(ids.slice(1).sort());
  });

  it('puts a member’s devices in their export (the push service, never the keys) and forgets them with the account', async () => {
    const member = await newMember(t);
    const laptop = sink.device('laptop');
    const id = await subscribe(t, member, laptop);
    const response = await t.http().post('/api/me/export').set(member.auth).send({ password: member.password }).responseType('blob');
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    const exported = strFromU8(files['push-subscriptions.json']!);
    expect(JSON.parse(exported)).toEqual([
      { id, pushService: new URL(laptop.subscription.endpoint).origin, createdAt: expect.any(String) },
    ]);
    expect(exported).not.toContain(laptop.subscription.keys.auth);
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'delete' }).expect(204);
    expect(await sql(t.databaseUrl, 'SELECT 1 FROM push_subscriptions WHERE id = $1', [id])).toEqual([]);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
