import type { GroupDto, ProfileDto, ProfilePostDto, UserDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

/**
 * A member's profile shows each viewer only what that viewer may see elsewhere: posts in spaces they may
 * read, groups whose members they may see, and a count made of exactly those posts.
 */
describe('profiles', () => {
  let t: TestApp;
  let admin: TestMember;
  let author: TestMember;
  let insider: TestMember;
  let outsider: TestMember;
  let privateGroup: GroupDto;
  let publicGroup: GroupDto;
  let publicTopic: string;
  let privateTopic: string;
  let privateCategory: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    author = await newMember(t, { username: 'river_song' });
    insider = await newMember(t);
    outsider = await newMember(t);
    const category = await newCategory(t, admin);
    publicTopic = (await newTopic(t, author, category, 'Public words')).id;
    await newReply(t, author, publicTopic, 'A public reply');
    privateGroup = await newGroup(t, insider, 'private');
    publicGroup = await newGroup(t, insider, 'public');
    await addToGroup(t, privateGroup, insider, author);
    await addToGroup(t, publicGroup, insider, author);
    privateCategory = await newGroupCategory(t, insider, privateGroup);
    privateTopic = (await newTopic(t, author, privateCategory, 'Private words')).id;
    // A hidden and a deleted post count for nobody.
    const hidden = await newReply(t, author, publicTopic, 'Hidden by a moderator');
    await sql(t.databaseUrl, 'UPDATE posts SET hidden = true WHERE id = $1', [hidden.id]);
    const deleted = await newReply(t, author, publicTopic, 'Deleted by its author');
    await t.http().delete(`/api/posts/${deleted.id}`).set(author.auth).expect(204);
    // Nor does a post held for review, or any post of a held topic (set directly: the review rules are not the subject here).
    const held = await newReply(t, author, publicTopic, 'Held for review');
    await sql(t.databaseUrl, 'UPDATE posts SET pending_review = true WHERE id = $1', [held.id]);
    const heldTopic = await newTopic(t, author, category, 'In a held topic');
    await sql(t.databaseUrl, 'UPDATE topics SET pending_review = true WHERE id = $1', [heldTopic.id]);
    await sql(t.databaseUrl, `UPDATE users SET pronouns = 'she/her', bio = 'Harm reduction since 2010' WHERE id = $1`, [author.user.id]);
  });
  afterAll(() => t.close());

  const profileAs = async (who: TestMember | null, username = 'river_song'): Promise<ProfileDto> => {
    const call = t.http().get(`/api/users/${username}`);
    return (await (who ? call.set(who.auth) : call).expect(200)).body as ProfileDto;
  };
  const postsAs = async (who: TestMember | null, query = ''): Promise<{ items: ProfilePostDto[]; nextCursor: string | null }> => {
    const call = t.http().get(`/api/users/river_song/posts${query}`);
    return (await (who ? call.set(who.auth) : call).expect(200)).body as { items: ProfilePostDto[]; nextCursor: string | null };
  };

  it('shows the member’s public fields, the month they joined, and never their email', async () => {
    const profile = await profileAs(null, 'RIVER_SONG');
    expect(profile).toMatchObject({
      user: { id: author.user.id, username: 'river_song', avatarUrl: `/api/avatars/${author.user.id}?v=0` },
      pronouns: 'she/her',
      bio: 'Harm reduction since 2010',
      joinedAt: author.user.createdAt.slice(0, 7),
    });
    expect(profile.joinedAt).toMatch(/^\d{4}-\d{2}$/);
    expect(JSON.stringify(profile)).not.toContain(author.user.email);
  });

  it('counts and lists only the posts the viewer may see, leaving out hidden and deleted ones', async () => {
    for (const [who, count] of [
      [null, 2],
      [outsider, 2],
      [insider, 3],
      [admin, 3],
    ] as const) {
      const profile = await profileAs(who);
      const posts = await postsAs(who);
      expect({ who: who?.user.username, count: profile.postCount }).toEqual({ who: who?.user.username, count });
      expect(posts.items.map((post) => post.body)).toHaveLength(count);
      for (const gone of ['Hidden by a moderator', 'Held for review', 'In a held topic']) {
        expect(posts.items.map((post) => post.body)).not.toContain(gone);
      }
    }
    const outsiders = await postsAs(outsider);
    expect(JSON.stringify(outsiders)).not.toContain('Private words');
    expect(outsiders.items[0]).toMatchObject({ body: 'A public reply', topic: { id: publicTopic }, can: { react: true } });
    const insiders = await postsAs(insider);
    expect(insiders.items[0]).toMatchObject({ body: 'Private words', topic: { id: privateTopic, title: expect.any(String) } });
  });

  it('pages newest first with a cursor, and names a bad cursor or limit', async () => {
    const first = await postsAs(insider, '?limit=2');
    expect(first.items.map((post) => post.body)).toEqual(['Private words', 'A public reply']);
    const second = await postsAs(insider, `?limit=2&cursor=${first.nextCursor}`);
    expect([second.items.map((post) => post.body), second.nextCursor]).toEqual([['Public words'], null]);
    const bad = await t.http().get('/api/users/river_song/posts?cursor=zzz&limit=0').expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/limit/);
    await t.http().get('/api/users/river_song/posts?cursor=zzz').expect(400);
  });

  it('lists groups whose members the viewer may see: a private group’s membership only to its members', async () => {
    const names = async (who: TestMember | null) => (await profileAs(who)).groups.map((group) => group.id).sort();
    expect(await names(outsider)).toEqual([publicGroup.id]);
    expect(await names(null)).toEqual([publicGroup.id]);
    expect(await names(insider)).toEqual([privateGroup.id, publicGroup.id].sort());
    expect(await names(admin)).toEqual([privateGroup.id, publicGroup.id].sort());
  });

  it('lets the member keep a membership off their profile, and only a member may', async () => {
    const before = await t.http().get(`/api/groups/${publicGroup.slug}/membership`).set(author.auth).expect(200);
    expect(before.body).toEqual({ role: 'member', hiddenOnProfile: false });
    const hidden = await t.http().patch(`/api/groups/${publicGroup.slug}/membership`).set(author.auth).send({ hiddenOnProfile: true });
    expect([hidden.status, hidden.body]).toEqual([200, { role: 'member', hiddenOnProfile: true }]);
    expect((await profileAs(outsider)).groups).toEqual([]);
    expect((await profileAs(insider)).groups.map((group) => group.id)).toEqual([privateGroup.id]);
    // The group's own member list still names them to whoever may see it.
    const members = await t.http().get(`/api/groups/${publicGroup.slug}/members`).set(outsider.auth).expect(200);
    expect(members.body.items.map((m: { user: UserDto }) => m.user.id)).toContain(author.user.id);
    // Not a member: there is no membership to show or hide (404, the same as a missing group).
    const missing = await t.http().get('/api/groups/no-such-group/membership').set(outsider.auth).expect(404);
    expect((await t.http().get(`/api/groups/${publicGroup.slug}/membership`).set(outsider.auth).expect(404)).body).toEqual(missing.body);
    await t.http().patch(`/api/groups/${publicGroup.slug}/membership`).set(outsider.auth).send({ hiddenOnProfile: true }).expect(404);
    for (const body of [{ hiddenOnProfile: 'yes' }, {}, { hiddenOnProfile: null }, { hiddenOnProfile: true, extra: 1 }]) {
      const bad = await t.http().patch(`/api/groups/${publicGroup.slug}/membership`).set(author.auth).send(body).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/hiddenOnProfile|extra/);
    }
    const [row] = await sql<{ hidden_on_profile: boolean }>(
      t.databaseUrl,
      'SELECT hidden_on_profile FROM group_members WHERE group_id = $1 AND user_id = $2',
      [publicGroup.id, author.user.id],
    );
    expect(row!.hidden_on_profile).toBe(true);
    await t.http().patch(`/api/groups/${publicGroup.slug}/membership`).set(author.auth).send({ hiddenOnProfile: false }).expect(200);
  });

  it('answers the same 404 for an unknown, pending or deleted member, and for a visitor on a login-only site', async () => {
    const missing = await t.http().get('/api/users/nobody_here').expect(404);
    const gone = await newMember(t);
    const waiting = await newMember(t);
    await sql(t.databaseUrl, `UPDATE users SET status = 'deleted' WHERE id = $1`, [gone.user.id]);
    await sql(t.databaseUrl, `UPDATE users SET status = 'pending' WHERE id = $1`, [waiting.user.id]);
    for (const url of [`/api/users/${gone.user.username}`, `/api/users/${waiting.user.username}/posts`, `/api/users/${'x'.repeat(300)}`]) {
      expect((await t.http().get(url).set(outsider.auth).expect(404)).body).toEqual(missing.body);
    }
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: true }).expect(200);
    try {
      expect((await t.http().get('/api/users/river_song').expect(404)).body).toEqual(missing.body);
      await t.http().get('/api/users/river_song/posts').expect(404);
      expect((await profileAs(outsider)).postCount).toBe(2);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: false }).expect(200);
    }
  });

  it('shows no profile and offers no completion for an account that never verified its address (held names too)', async () => {
    const register = (username: string, email: string) =>
      t.http().post('/api/auth/register').send({ username, email, password: 'correct horse battery' }).expect(202);
    // One at a new address, never verified; one registered with an address already in use (it only holds the name).
    await register('quiet_unverified', 'quiet_unverified@example.org');
    await register('quiet_held', author.user.email);
    const [held] = await sql<{ email: string }>(t.databaseUrl, `SELECT email FROM users WHERE username_key = 'quiet_held'`);
    expect(held?.email).toMatch(/@held\.invalid$/);
    const missing = await t.http().get('/api/users/nobody_here').set(outsider.auth).expect(404);
    const hidden = async (username: string) => {
      for (const url of [`/api/users/${username}`, `/api/users/${username}/posts`]) {
        expect((await t.http().get(url).set(outsider.auth).expect(404)).body).toEqual(missing.body);
      }
    };
    const offered = async () =>
      ((await t.http().get('/api/users?prefix=quiet').set(outsider.auth).expect(200)).body as { items: UserDto[] }).items.map(
        (u) => u.username,
      );
    await hidden('quiet_unverified');
    await hidden('quiet_held');
    expect(await offered()).toEqual([]);
    // With verification turned off the unverified account may sign in and post: it is a member like any other.
    // A held name never is: nobody reads its address.
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'off' }).expect(200);
    try {
      await t.http().get('/api/users/quiet_unverified').set(outsider.auth).expect(200);
      await hidden('quiet_held');
      expect(await offered()).toEqual(['quiet_unverified']);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'required' }).expect(200);
    }
  });

  describe('@-completion', () => {
    const complete = async (who: TestMember, query: string) =>
      ((await t.http().get(`/api/users?${query}`).set(who.auth).expect(200)).body as { items: UserDto[] }).items.map((u) => u.username);

    it('offers active members by username or display name prefix, at most ten, never the caller', async () => {
      // Made directly (a sign-up each would take seconds): only their names matter here.
      await sql(
        t.databaseUrl,
        `INSERT INTO users (username, username_key, display_name, email, password_hash)
         SELECT 'rivet_' || n, 'rivet_' || n, 'Rivet ' || n, 'rivet' || n || '@example.org', 'x' FROM generate_series(0, 11) n`,
      );
      await sql(t.databaseUrl, `UPDATE users SET display_name = 'Zed Rive' WHERE id = $1`, [outsider.user.id]);
      const found = await complete(outsider, 'prefix=RIV');
      // Ten at most, shortest names first (the closest to what was typed).
      expect(found).toEqual(Array.from({ length: 10 }, (_, n) => `rivet_${n}`));
      expect(await complete(outsider, 'prefix=River')).toEqual(['river_song']);
      expect(await complete(author, 'prefix=river_s')).toEqual([]);
      expect(await complete(insider, 'prefix=zed')).toEqual([outsider.user.username]);
      expect(await complete(outsider, 'prefix=r%25')).toEqual([]); // a LIKE wildcard is a letter here
    });

    it('puts those taking part first in a topic, and in a private space offers only those who may see it', async () => {
      const other = await newMember(t, { username: 'rivera_out' });
      await newReply(t, other, publicTopic, 'Joining in');
      expect((await complete(insider, `prefix=rive&topicId=${publicTopic}`)).slice(0, 2).sort()).toEqual(['river_song', 'rivera_out']);
      expect(await complete(insider, `prefix=rive&topicId=${privateTopic}`)).toEqual(['river_song']);
      expect(await complete(admin, `prefix=${insider.user.username}&topicId=${privateTopic}`)).toEqual([insider.user.username]);
      // A new topic's category narrows the same way before there is a topic.
      expect(await complete(insider, `prefix=rive&categoryId=${privateCategory}`)).toEqual(['river_song']);
      await t.http().get(`/api/users?prefix=rive&categoryId=${privateCategory}`).set(outsider.auth).expect(404);
    });

    it('refuses a topic the caller may not see (404), bad input (400 naming it) and visitors (401)', async () => {
      const missing = await t.http().get(`/api/users?prefix=r&topicId=00000000-0000-4000-8000-000000000000`).set(outsider.auth).expect(404);
      const hidden = await t.http().get(`/api/users?prefix=r&topicId=${privateTopic}`).set(outsider.auth).expect(404);
      expect(hidden.body).toEqual(missing.body);
      for (const [query, field] of [
        ['', 'prefix'],
        ['prefix=', 'prefix'],
        [`prefix=${'a'.repeat(61)}`, 'prefix'],
        ['prefix=a&topicId=nope', 'topicId'],
        ['prefix=a&categoryId=nope', 'categoryId'],
        ['prefix=a&other=1', 'other'],
      ] as const) {
        const bad = await t.http().get(`/api/users?${query}`).set(outsider.auth).expect(400);
        expect(JSON.stringify(bad.body.message)).toContain(field);
      }
      await t.http().get('/api/users?prefix=r').expect(401);
      // Hostile values are refused or read as plain text, never a 500 (NUL, a lone surrogate, a bad escape, huge numbers).
      for (const url of [
        '/api/users/%00',
        '/api/users/%ED%A0%80/posts',
        '/api/users/%E0%A4%A',
        '/api/users?prefix=%00',
        '/api/users?prefix=%ED%A0%80', // express reads these bytes as three Latin-1 letters: a prefix like any other
        `/api/avatars/${author.user.id}?v=1e999&size=-1`,
        '/api/avatars/%00',
      ]) {
        const response = await t.http().get(url).set(outsider.auth);
        expect({ url, status: response.status < 500 ? 'refused or answered' : response.status }).toEqual({
          url,
          status: 'refused or answered',
        });
      }
    });
  });
});
