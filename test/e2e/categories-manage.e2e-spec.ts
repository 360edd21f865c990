import type { CategoryDto, GroupDto, TopicDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** api.md 1.1 "Categories and topics, for staff": editing, ordering, nesting, removing and merging categories. */
describe('categories, managed by admins and group owners', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let owner: TestMember;
  let member: TestMember;
  let outsider: TestMember;
  let group: GroupDto;

  const get = async (id: string, as = admin) => (await t.http().get(`/api/categories/${id}`).set(as.auth).expect(200)).body as CategoryDto;
  const patch = (id: string, body: object, as = admin) => t.http().patch(`/api/categories/${id}`).set(as.auth).send(body);
  const remove = (id: string, body: object = {}, as = admin) => t.http().delete(`/api/categories/${id}`).set(as.auth).send(body);
  const log = (targetId: string) =>
    sql<{ action: string; reason: string | null; actor_id: string }>(
      t.databaseUrl,
      `SELECT action, reason, actor_id FROM moderation_log WHERE target_type = 'category' AND target_id = $1 ORDER BY created_at`,
      [targetId],
    );
  /** The site's categories in the order GET /api/categories gives, as names. */
  const siteOrder = async (names: string[]) => {
    const { items } = (await t.http().get('/api/categories').set(admin.auth).expect(200)).body as { items: CategoryDto[] };
    return items.filter((c) => names.includes(c.name)).map((c) => [c.name, c.position]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    owner = await newMember(t);
    member = await newMember(t);
    outsider = await newMember(t);
    group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, member);
  });
  afterAll(() => t.close());

  it('edits every field of a site category, returns and logs it, and a null colour goes back to the derived hue', async () => {
    const id = await newCategory(t, admin, 'Supply alerts');
    const fresh = await get(id);
    expect(fresh).toMatchObject({ color: null, anonymous: 'off', topicsVisibleTo: 'everyone', parentId: null });
    const body = {
      name: 'Drug-checking alerts',
      description: 'What the lab found',
      color: '#1A7F5A',
      anonymous: 'allowed',
      topicsVisibleTo: 'author',
    };
    const updated = (await patch(id, body).expect(200)).body as CategoryDto;
    expect(updated).toMatchObject({ ...body, color: '#1a7f5a' });
    expect(await get(id, member)).toMatchObject({
      name: 'Drug-checking alerts',
      color: '#1a7f5a',
      anonymous: 'allowed',
      topicsVisibleTo: 'author',
    });
    expect((await patch(id, { color: null }).expect(200)).body).toMatchObject({ color: null, name: 'Drug-checking alerts' });
    const entries = await log(id);
    expect(entries.map((e) => [e.action, e.reason, e.actor_id])).toEqual([
      ['category.edit', 'name, description, color, anonymous, topicsVisibleTo', admin.user.id],
      ['category.edit', 'color', admin.user.id],
    ]);
  });

  it('refuses hostile or impossible input with a 400 naming the field, and changes nothing', async () => {
    const id = await newCategory(t, admin, 'Steady');
    const bad: [object, string][] = [
      [{ color: 'red' }, 'color'],
      [{ color: '#12345' }, 'color'],
      [{ color: '#1234567' }, 'color'],
      [{ color: 12 }, 'color'],
      [{ anonymous: 'maybe' }, 'anonymous'],
      [{ anonymous: null }, 'anonymous'],
      [{ topicsVisibleTo: 'staff' }, 'topicsVisibleTo'],
      [{ position: -1 }, 'position'],
      [{ position: 1.5 }, 'position'],
      [{ position: null }, 'position'],
      [{ parentId: 'nope' }, 'parentId'],
      [{ parentId: id }, 'parentId'],
      [{ parentId: MISSING }, 'parentId'],
      [{ name: '' }, 'name'],
      [{ name: 'a\u202eb' }, 'name'],
      [{ seeAccess: 'members' }, 'seeAccess'],
      [{ startAccess: 'members' }, 'startAccess'],
      [{ sharedGroupIds: [group.id] }, 'sharedGroupIds'],
      [{ access: { see: 'everyone', start: 'everyone', reply: 'everyone' }, replyAccess: 'moderators' }, 'access'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [body, field] of bad) {
      const response = await patch(id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    for (const body of [{ moveTopicsTo: null }, { moveTopicsTo: 'nope' }, { moveTopicsTo: 7 }, { everything: true }]) {
      const response = await remove(id, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(await get(id)).toMatchObject({ name: 'Steady', color: null, parentId: null, anonymous: 'off', position: expect.any(Number) });
    expect(await log(id)).toEqual([]);
  });

  it('lets a site category narrow starting topics to site staff (an announcements category)', async () => {
    const id = await newCategory(t, admin, 'Announcements');
    const updated = (await patch(id, { startAccess: 'moderators' }).expect(200)).body as CategoryDto;
    expect(updated.access).toEqual({ see: 'everyone', start: 'moderators', reply: 'everyone' });
    expect((await get(id, member)).can.startTopic).toBe(false);
    expect((await get(id, moderator)).can.startTopic).toBe(true);
    await t.http().post('/api/topics').set(member.auth).send({ categoryId: id, title: 'Not mine to post', body: 'x' }).expect(403);
    const topic = await newTopic(t, moderator, id);
    await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'Thanks!' }).expect(201);
  });

  it('reorders siblings: a position is a place among them, the others renumbered, out-of-range to the end', async () => {
    const [a, b, c] = [
      await newCategory(t, admin, 'Order A'),
      await newCategory(t, admin, 'Order B'),
      await newCategory(t, admin, 'Order C'),
    ];
    const names = ['Order A', 'Order B', 'Order C'];
    const before = (await siteOrder(names)).map(([name]) => name);
    expect(before).toEqual(names);
    await patch(c, { position: 0 }).expect(200);
    const first = await siteOrder(names);
    expect(first.map(([name]) => name)).toEqual(['Order C', 'Order A', 'Order B']);
    await patch(c, { position: 10_000 }).expect(200);
    expect((await siteOrder(names)).map(([name]) => name)).toEqual(['Order A', 'Order B', 'Order C']);
    // Two moves at once still leave one place each: no two categories share a position.
    await Promise.all([patch(a, { position: 0 }).expect(200), patch(b, { position: 0 }).expect(200)]);
    const positions = await sql<{ position: number }>(
      t.databaseUrl,
      `SELECT position FROM categories WHERE group_id IS NULL AND parent_id IS NULL ORDER BY position`,
    );
    expect(positions.map((row) => row.position)).toEqual(positions.map((_row, index) => index));
    expect((await log(c)).map((e) => e.reason)).toEqual(['position', 'position']);
  });

  it('nests one level deep within one space, and refuses cycles and a second level', async () => {
    const [parent, child, other] = [
      await newCategory(t, admin, 'Nest parent'),
      await newCategory(t, admin, 'Nest child'),
      await newCategory(t, admin, 'Nest other'),
    ];
    const space = await newGroupCategory(t, owner, group);
    expect((await patch(child, { parentId: parent }).expect(200)).body).toMatchObject({ parentId: parent, position: 0 });
    expect((await patch(parent, { parentId: other })).status).toBe(400); // it has a child: two levels
    expect((await patch(other, { parentId: child })).status).toBe(400); // a child cannot be a parent
    expect((await patch(child, { parentId: space })).status).toBe(400); // another space
    expect((await patch(child, { parentId: null }).expect(200)).body).toMatchObject({ parentId: null });
  });

  it('lets a group owner edit their spaces (permissions, sharing) and nothing else', async () => {
    const space = await newGroupCategory(t, owner, group);
    const partners = await newGroup(t, outsider, 'private');
    await t.http().get(`/api/categories/${space}`).set(outsider.auth).expect(404);
    const shared = (await patch(space, { sharedGroupIds: [partners.id], replyAccess: 'moderators', color: '#336699' }, owner).expect(200))
      .body as CategoryDto;
    expect(shared).toMatchObject({ sharedGroupIds: [partners.id], access: { see: 'members', start: 'members', reply: 'moderators' } });
    // Shared: the partner group's members now read it (the owner's change took effect at once).
    expect((await get(space, outsider)).name).toBe(shared.name);
    expect((await get(space, member)).can).toMatchObject({ startTopic: true, edit: false });
    expect((await patch(space, { startAccess: 'everyone' }, owner)).status).toBe(400); // further than who sees
    expect((await patch(space, { sharedGroupIds: [MISSING] }, owner)).status).toBe(400);
    const site = await newCategory(t, admin, 'Not the owner’s');
    await patch(site, { position: 0 }, owner).expect(403);
    await remove(site, {}, owner).expect(403);
    expect((await patch(space, { parentId: site }, owner)).status).toBe(400);
    // A member of the group, and an outsider (who now sees it through the shared group), may not change it.
    await patch(space, { name: 'Mine now' }, member).expect(403);
    await patch(space, { name: 'Mine now' }, outsider).expect(403);
    expect((await patch(space, { sharedGroupIds: [] }, owner).expect(200)).body).toMatchObject({ sharedGroupIds: [] });
    // Unshared: an outsider gets exactly what a missing category answers, for reading, editing and removing.
    const [hidden, missing] = [await patch(space, { name: 'x' }, outsider), await patch(MISSING, { name: 'x' }, outsider)];
    expect([hidden.status, hidden.body]).toEqual([404, missing.body]);
    const [gone, none] = [await remove(space, {}, outsider), await remove(MISSING, {}, outsider)];
    expect([gone.status, gone.body]).toEqual([404, none.body]);
  });

  it('removes an empty category, refuses one with topics or subcategories, and merges topics in one step', async () => {
    const empty = await newCategory(t, admin, 'Empty one');
    await remove(empty).expect(204);
    await t.http().get(`/api/categories/${empty}`).set(admin.auth).expect(404);
    expect((await log(empty)).map((e) => [e.action, e.reason])).toEqual([['category.delete', 'Empty one']]);

    const from = await newCategory(t, admin, 'Merge from');
    const into = await newCategory(t, admin, 'Merge into');
    const topics = [await newTopic(t, member, from), await newTopic(t, member, from)];
    await newTopic(t, member, into);
    const refused = await remove(from).expect(409);
    expect(refused.body.message).toContain('2 topics');
    await remove(from, { moveTopicsTo: from }).expect(400);
    await remove(from, { moveTopicsTo: MISSING }).expect(400);
    await remove(from, { moveTopicsTo: await newGroupCategory(t, owner, group) }).expect(400);
    expect((await get(from)).topicCount).toBe(2);

    await remove(from, { moveTopicsTo: into }).expect(204);
    await t.http().get(`/api/categories/${from}`).set(admin.auth).expect(404);
    expect((await get(into)).topicCount).toBe(3);
    for (const topic of topics) {
      expect(((await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200)).body as TopicDto).categoryId).toBe(into);
    }
    const listed = (await t.http().get(`/api/categories/${into}/topics`).set(member.auth).expect(200)).body as { items: TopicDto[] };
    expect(listed.items).toHaveLength(3);
    expect((await log(into)).map((e) => [e.action, e.reason])).toEqual([['category.merge', 'Merge from']]);

    const parent = await newCategory(t, admin, 'Has a child');
    const child = await newCategory(t, admin, 'The child');
    await patch(child, { parentId: parent }).expect(200);
    expect((await remove(parent).expect(409)).body.message).toContain('subcategories');
    await remove(child).expect(204);
    await remove(parent).expect(204);
  });

  it('answers a topic started while its category is deleted with a clear refusal, never a 500', async () => {
    for (let round = 0; round < 8; round++) {
      const doomed = await newCategory(t, admin, `Doomed ${round}`);
      const [removed, started] = await Promise.all([
        remove(doomed),
        t.http().post('/api/topics').set(member.auth).send({ categoryId: doomed, title: 'Just in time?', body: 'x' }),
      ]);
      // Either the topic came first (the category then has it: 409) or the removal did (the topic is refused).
      expect([
        [204, 400],
        [204, 409],
        [409, 201],
      ]).toContainEqual([removed.status, started.status]);
    }
  });

  it('lets a group owner merge one of their spaces into another of the same group, never outside it', async () => {
    const a = await newGroupCategory(t, owner, group);
    const b = await newGroupCategory(t, owner, group);
    await newTopic(t, member, a);
    const site = await newCategory(t, admin, 'Public place');
    await remove(a, { moveTopicsTo: site }, owner).expect(400);
    await remove(a, { moveTopicsTo: site }, admin).expect(400); // not even an admin carries a group's topics out
    await remove(a, {}, member).expect(403);
    await remove(a, { moveTopicsTo: b }, owner).expect(204);
    expect((await get(b, member)).topicCount).toBe(1);
    // Logged, but without the private space's name: site moderators read entries about categories.
    expect((await log(b)).map((e) => [e.action, e.reason, e.actor_id])).toEqual([['category.merge', null, owner.user.id]]);
  });
});
