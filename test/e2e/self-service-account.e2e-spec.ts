import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { connectSocket, nextEvent } from '../support/sockets';

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The member's own account (api.md 1.1): profile fields, password, and the list of signed-in devices. */
describe('the member’s own account', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await newMember(t); // the site's admin
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  /** Another signed-in device of the member: its token and a live socket on it. */
  async function device(member: TestMember, userAgent: string, password = member.password) {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('User-Agent', userAgent)
      .send({ login: member.user.username, password })
      .expect(200);
    const token = response.body.token as string;
    const socket = await connectSocket(t.baseUrl, { token });
    sockets.push(socket);
    return { token, auth: { Authorization: `Bearer ${token}` }, socket };
  }
  /** Resolves when the server tells the socket its session ended and then closes it. */
  const revoked = (socket: Socket) =>
    Promise.all([nextEvent<{ reason: string }>(socket, 'session:revoked'), nextEvent<string>(socket, 'disconnect')]).then(
      ([event]) => event,
    );

  describe('profile fields (PATCH /api/me)', () => {
    let member: TestMember;
    beforeAll(async () => {
      member = await newMember(t);
    });

    it('stores pronouns, bio, language, who may message and discreet mode, and answers me', async () => {
      const body = {
        displayName: 'Sam R.',
        pronouns: 'they/them',
        bio: 'Peer worker, night shifts.',
        locale: 'fr',
        messagesFrom: 'groups',
        discreet: true,
      };
      const response = await t.http().patch('/api/me').set(member.auth).send(body).expect(200);
      expect(response.body).toMatchObject(body);
      const me = await t.http().get('/api/me').set(member.auth).expect(200);
      expect(me.body).toMatchObject(body);
      // A field left out stays as it was; an empty pronouns clears them.
      await t.http().patch('/api/me').set(member.auth).send({ pronouns: '' }).expect(200);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toMatchObject({
        pronouns: '',
        bio: body.bio,
        discreet: true,
      });
    });

    it.each([
      [{ messagesFrom: 'friends' }, 'messagesFrom'],
      [{ discreet: 'yes' }, 'discreet'],
      [{ pronouns: 'x'.repeat(41) }, 'pronouns'],
      [{ bio: 'x'.repeat(1001) }, 'bio'],
      [{ bio: 'evil \u202e txt' }, 'bio'],
      [{ displayName: '' }, 'displayName'],
      [{ locale: 'de' }, 'locale'],
      [{ email: 'sneaky@example.org' }, 'email'],
      [{ role: 'admin' }, 'role'],
    ])('refuses %j with a 400 naming %s, and stores nothing', async (body, field) => {
      const before = (await t.http().get('/api/me').set(member.auth).expect(200)).body;
      const response = await t.http().patch('/api/me').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toEqual(before);
    });

    it('lets a silenced member change their own settings but not what others see of them', async () => {
      const silenced = await newMember(t);
      await sql(t.databaseUrl, `UPDATE users SET silenced_until = now() + interval '1 day' WHERE id = $1`, [silenced.user.id]);
      await t.http().patch('/api/me').set(silenced.auth).send({ discreet: true, locale: 'fr' }).expect(200);
      await t.http().patch('/api/me').set(silenced.auth).send({ bio: 'spam' }).expect(403);
      await t.http().patch('/api/me').set(silenced.auth).send({ displayName: 'Spam', discreet: false }).expect(403);
      expect((await t.http().get('/api/me').set(silenced.auth).expect(200)).body).toMatchObject({ bio: '', discreet: true });
    });
  });

  describe('changing the password', () => {
    it('refuses a wrong current password (403) and bad input (400 naming the field), changing nothing', async () => {
      const member = await newMember(t);
      const other = await device(member, FIREFOX_ANDROID);
      await t
        .http()
        .post('/api/me/password')
        .set(member.auth)
        .send({ currentPassword: 'wrong one', newPassword: 'a new long password' })
        .expect(403);
      const short = await t
        .http()
        .post('/api/me/password')
        .set(member.auth)
        .send({ currentPassword: member.password, newPassword: 'short' })
        .expect(400);
      expect(JSON.stringify(short.body.message)).toContain('newPassword');
      const missing = await t.http().post('/api/me/password').set(member.auth).send({ newPassword: 'a new long password' }).expect(400);
      expect(JSON.stringify(missing.body.message)).toContain('currentPassword');
      await t.http().get('/api/me').set(other.auth).expect(200);
      await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
    });

    it('ends every other session and closes its sockets; this one stays', async () => {
      const member = await newMember(t);
      const other = await device(member, FIREFOX_ANDROID);
      const told = revoked(other.socket);
      await t
        .http()
        .post('/api/me/password')
        .set(member.auth)
        .send({ currentPassword: member.password, newPassword: 'a brand new password' })
        .expect(204);
      expect(await told).toEqual({ reason: 'password_changed' });
      const notice = await t.smtp!.waitFor(member.user.email);
      expect(notice.subject).toBe('Your Harbour password was changed');
      expect(notice.text).toContain(`${t.config.publicUrl}/forgot-password`);
      await t.http().get('/api/me').set(other.auth).expect(401);
      await t.http().get('/api/me').set(member.auth).expect(200);
      await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(401);
      await t.http().post('/api/auth/login').send({ login: member.user.username, password: 'a brand new password' }).expect(200);
    });
  });

  describe('sessions', () => {
    let member: TestMember;
    let phone: Awaited<ReturnType<typeof device>>;
    let laptop: Awaited<ReturnType<typeof device>>;
    beforeAll(async () => {
      member = await newMember(t);
      phone = await device(member, FIREFOX_ANDROID);
      laptop = await device(member, CHROME_WINDOWS);
    });

    it('lists the member’s sessions with a device label, the current one marked, and no address', async () => {
      const response = await t.http().get('/api/me/sessions').set(phone.auth).expect(200);
      const items = response.body.items as { id: string; current: boolean; device: string }[];
      expect(items).toHaveLength(3);
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['createdAt', 'current', 'device', 'id', 'lastSeenAt']);
      expect(items.filter((item) => item.current).map((item) => item.device)).toEqual(['Firefox on Android']);
      expect(items.map((item) => item.device)).toContain('Chrome on Windows');
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');
    });

    it('ends one session: its token stops working and its socket is told and closed', async () => {
      const list = await t.http().get('/api/me/sessions').set(phone.auth).expect(200);
      const target = (list.body.items as { id: string; device: string }[]).find((item) => item.device === 'Chrome on Windows')!;
      const told = revoked(laptop.socket);
      await t.http().delete(`/api/me/sessions/${target.id}`).set(phone.auth).expect(204);
      expect(await told).toEqual({ reason: 'revoked' });
      await t.http().get('/api/me').set(laptop.auth).expect(401);
      await t.http().get('/api/me').set(phone.auth).expect(200);
      await t.http().delete(`/api/me/sessions/${target.id}`).set(phone.auth).expect(404);
    });

    it('answers another member’s session exactly like a missing one, and ends nothing', async () => {
      const stranger = await newMember(t);
      const theirs = (await t.http().get('/api/me/sessions').set(stranger.auth).expect(200)).body.items[0].id as string;
      const other = await t.http().delete(`/api/me/sessions/${theirs}`).set(member.auth).expect(404);
      const missing = await t.http().delete('/api/me/sessions/00000000-0000-4000-8000-000000000000').set(member.auth).expect(404);
      expect(other.body).toEqual(missing.body);
      await t.http().delete('/api/me/sessions/not-an-id').set(member.auth).expect(404);
      await t.http().get('/api/me').set(stranger.auth).expect(200);
    });

    it('ends every other session at once, keeping the one asking', async () => {
      const tablet = await device(member, FIREFOX_ANDROID);
      const told = revoked(tablet.socket);
      await t.http().delete('/api/me/sessions').set(phone.auth).expect(204);
      expect(await told).toEqual({ reason: 'revoked' });
      await t.http().get('/api/me').set(member.auth).expect(401);
      await t.http().get('/api/me').set(tablet.auth).expect(401);
      const left = await t.http().get('/api/me/sessions').set(phone.auth).expect(200);
      expect(left.body.items).toEqual([expect.objectContaining({ current: true, device: 'Firefox on Android' })]);
    });
  });
});
