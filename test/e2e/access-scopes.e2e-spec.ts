import { randomUUID } from 'node:crypto';
import { AccessService, type Caller, type CategoryRef, type SiteRules, type SqlScope } from '@harbour/access';
import type { GroupRole, GroupVisibility, SpaceAudience } from '@harbour/contracts';
import { Client } from 'pg';

/**
 * Lists, counts and searches filter in SQL; single objects are judged in TypeScript. Both must say the same
 * thing, or a list shows what a page refuses (or hides what it allows). On generated fixtures — every kind of
 * category, topic, group and mailing against every kind of caller — PostgreSQL must keep exactly the rows for
 * which AccessService.can answers yes. The fixtures come from a fixed seed, so a failure reproduces.
 */
describe('SQL scopes agree with the access rules', () => {
  const access = new AccessService();
  const db = new Client(`${process.env.HARBOUR_TEST_PG_SERVER}/postgres`);
  beforeAll(() => db.connect());
  afterAll(() => db.end());
  const random = seeded(14);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groupIds = Array.from({ length: 4 }, () => randomUUID());
  const sites: SiteRules[] = [
    { loginRequired: false, groupCreation: 'members' },
    { loginRequired: true, groupCreation: 'admins' },
  ];

  const categories = Array.from({ length: 160 }, () => {
    const groupId = random() < 0.3 ? null : pick(groupIds);
    const ref: CategoryRef = {
      groupId,
      sharedGroupIds: groupId === null ? [] : groupIds.filter((id) => id !== groupId && random() < 0.25),
      seeAccess: pick(['everyone', 'members'] as const),
      startAccess: pick(['everyone', 'members', 'moderators'] as SpaceAudience[]),
      replyAccess: pick(['everyone', 'members', 'moderators'] as SpaceAudience[]),
      topicsVisibleTo: random() < 0.3 ? 'author' : 'everyone',
    };
    return { id: randomUUID(), ref };
  });
  const topics = categories.flatMap((category) =>
    Array.from({ length: 2 }, () => ({ id: randomUUID(), category, pendingReview: random() < 0.5, authorId: '' })),
  );
  const groups = groupIds.map((id) => ({ id, visibility: pick(['public', 'private', 'hidden'] as GroupVisibility[]) }));
  const mailings = Array.from({ length: 12 }, () => ({
    id: randomUUID(),
    status: pick(['draft', 'sending', 'sent', 'cancelled']),
    audienceKind: pick(['all', 'group', 'language']),
  }));

  const callers: (Caller | null)[] = [
    null,
    ...Array.from({ length: 50 }, (_, n): Caller => {
      const groups: Record<string, GroupRole> = {};
      for (const id of groupIds) if (random() < 0.4) groups[id] = pick(['owner', 'moderator', 'member'] as GroupRole[]);
      return {
        userId: randomUUID(),
        username: `c${n}`,
        role: pick(['member', 'member', 'moderator', 'admin'] as const),
        locale: 'en',
        sessionId: randomUUID(),
        via: 'bearer',
        groups,
        silenced: false,
      };
    }),
  ];
  // Some topics are the callers' own, so the author's exception is exercised.
  for (const topic of topics) topic.authorId = random() < 0.2 ? (pick(callers)?.userId ?? randomUUID()) : randomUUID();

  const categoryRows = categories
    .map(
      ({ id, ref }) =>
        `(${uuid(id)}, ${ref.groupId ? uuid(ref.groupId) : 'NULL::uuid'}, ${uuidArray(ref.sharedGroupIds)}, '${ref.seeAccess}', '${ref.topicsVisibleTo}')`,
    )
    .join(', ');
  const categoriesCte = `c(id, group_id, shared_group_ids, see_access, topics_visible_to) AS (VALUES ${categoryRows})`;

  it('keeps exactly the categories each caller may see (category.see)', async () => {
    for (const site of sites) {
      for (const caller of callers) {
        const scope = access.visibleCategories(caller, site, 'c');
        const kept = await ids(`WITH ${categoriesCte} SELECT c.id FROM c WHERE ${scope.where}`, scope);
        const allowed = categories
          .filter(({ ref }) => access.can(caller, { action: 'category.see', category: ref, site }))
          .map(({ id }) => id);
        expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
      }
    }
  });

  it('keeps exactly the categories each caller moderates, and member reports for site staff (moderation.act)', async () => {
    const withMemberReports = `${categoriesCte}, items(category_id) AS (SELECT id FROM c UNION ALL SELECT NULL::uuid)`;
    for (const caller of callers.filter((c): c is Caller => c !== null)) {
      const scope = access.moderatedCategories(caller, 'c');
      const kept = await ids(
        `WITH ${withMemberReports} SELECT coalesce(items.category_id::text, 'member') AS id FROM items LEFT JOIN c ON c.id = items.category_id WHERE ${scope.where}`,
        scope,
      );
      const allowed = [
        ...categories.filter(({ ref }) => access.can(caller, { action: 'moderation.act', category: ref })).map(({ id }) => id),
        ...(access.can(caller, { action: 'moderation.act', category: null }) ? ['member'] : []),
      ];
      expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
    }
  });

  it('hides held topics from all but their author and their space’s moderators (held.see)', async () => {
    const topicRows = topics.map((t) => `(${uuid(t.id)}, ${uuid(t.category.id)}, ${t.pendingReview}, ${uuid(t.authorId)})`).join(', ');
    for (const caller of callers) {
      const scope = access.visibleHeldTopics(caller, 't', 'c');
      const kept = await ids(
        `WITH ${categoriesCte}, t(id, category_id, pending_review, author_id) AS (VALUES ${topicRows})
         SELECT t.id FROM t JOIN c ON c.id = t.category_id WHERE ${scope.where}`,
        scope,
      );
      const allowed = topics
        .filter((t) => !t.pendingReview || access.can(caller, { action: 'held.see', category: t.category.ref, authorId: t.authorId }))
        .map((t) => t.id);
      expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
    }
  });

  it('keeps support-desk topics to their author and their space’s moderators (topic.see)', async () => {
    const topicRows = topics.map((t) => `(${uuid(t.id)}, ${uuid(t.category.id)}, ${uuid(t.authorId)})`).join(', ');
    for (const site of sites) {
      for (const caller of callers) {
        const visible = access.visibleCategories(caller, site, 'c');
        const desk = access.visibleDeskTopics(caller, 't', 'c');
        const scope = { where: `${visible.where} AND ${desk.where}`, params: { ...visible.params, ...desk.params } };
        const kept = await ids(
          `WITH ${categoriesCte}, t(id, category_id, author_id) AS (VALUES ${topicRows})
           SELECT t.id FROM t JOIN c ON c.id = t.category_id WHERE ${scope.where}`,
          scope,
        );
        const allowed = topics
          .filter((t) => access.can(caller, { action: 'topic.see', category: t.category.ref, site, topic: { authorId: t.authorId } }))
          .map((t) => t.id);
        expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
      }
    }
  });

  it('keeps exactly the groups each caller may know exist (group.see)', async () => {
    const groupRows = groups.map((g) => `(${uuid(g.id)}, '${g.visibility}')`).join(', ');
    for (const site of sites) {
      for (const caller of callers) {
        const scope = access.visibleGroups(caller, site, 'g');
        const kept = await ids(`WITH g(id, visibility) AS (VALUES ${groupRows}) SELECT g.id FROM g WHERE ${scope.where}`, scope);
        const allowed = groups.filter((group) => access.can(caller, { action: 'group.see', group, site })).map((g) => g.id);
        expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
      }
    }
  });

  it('keeps exactly the groups whose members each caller may see, so a profile may name (group.seeMembers)', async () => {
    const groupRows = groups.map((g) => `(${uuid(g.id)}, '${g.visibility}')`).join(', ');
    for (const site of sites) {
      for (const caller of callers) {
        const scope = access.visibleMemberships(caller, site, 'g');
        const kept = await ids(`WITH g(id, visibility) AS (VALUES ${groupRows}) SELECT g.id FROM g WHERE ${scope.where}`, scope);
        const allowed = groups.filter((group) => access.can(caller, { action: 'group.seeMembers', group, site })).map((g) => g.id);
        expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
      }
    }
  });

  it('keeps exactly the members who may see each category, as @-completion offers them (category.see)', async () => {
    const members = callers.filter((c): c is Caller => c !== null);
    const memberRows = members.map((m) => `(${uuid(m.userId)}, '${m.role}', '${JSON.stringify(m.groups)}'::json)`).join(', ');
    for (const { ref } of categories) {
      const scope = access.membersSeeingCategory(ref, 'u', 'u.roles');
      const kept = await ids(`WITH u(id, role, roles) AS (VALUES ${memberRows}) SELECT u.id FROM u WHERE ${scope.where}`, scope);
      const allowed = members.filter((m) => access.can(m, { action: 'category.see', category: ref, site: sites[0]! })).map((m) => m.userId);
      expect({ category: ref, kept }).toEqual({ category: ref, kept: allowed.sort() });
    }
  });

  it('keeps exactly the members who may see each topic, as @-completion in it offers them (topic.see)', async () => {
    const members = callers.filter((c): c is Caller => c !== null);
    const memberRows = members.map((m) => `(${uuid(m.userId)}, '${m.role}', '${JSON.stringify(m.groups)}'::json)`).join(', ');
    for (const topic of topics.filter((t) => t.category.ref.topicsVisibleTo === 'author')) {
      const scope = access.membersSeeingTopic(topic.category.ref, topic.authorId, 'u', 'u.roles');
      const kept = await ids(`WITH u(id, role, roles) AS (VALUES ${memberRows}) SELECT u.id FROM u WHERE ${scope.where}`, scope);
      const question = { action: 'topic.see', category: topic.category.ref, site: sites[0]!, topic } as const;
      const allowed = members.filter((m) => access.can(m, question)).map((m) => m.userId);
      expect({ topic: topic.id, kept }).toEqual({ topic: topic.id, kept: allowed.sort() });
    }
  });

  it('keeps exactly the mailings the public archive may show (mailing.read)', async () => {
    const mailingRows = mailings.map((m) => `(${uuid(m.id)}, '${m.status}', '${m.audienceKind}')`).join(', ');
    for (const site of sites) {
      for (const caller of [null, callers[1]!]) {
        const scope = access.archivedMailings(caller, site, 'm');
        const kept = await ids(
          `WITH m(id, status, audience_kind) AS (VALUES ${mailingRows}) SELECT m.id FROM m WHERE ${scope.where}`,
          scope,
        );
        const allowed = mailings.filter((mailing) => access.can(caller, { action: 'mailing.read', mailing, site })).map((m) => m.id);
        expect(kept).toEqual(allowed.sort());
      }
    }
  });

  it('keeps exactly the conversations each caller is in, whatever their site role (conversation.see)', async () => {
    const kinds = ['participant', 'staff', 'left', null] as const;
    const members = callers.filter((c): c is Caller => c !== null);
    const conversations = Array.from({ length: 30 }, () => ({
      id: randomUUID(),
      groupId: random() < 0.4 ? null : pick(groupIds),
      // Each member's own row in it: named, a staff member's read position, left, or none.
      rows: new Map(members.map((m) => [m.userId, pick(kinds)])),
    }));
    const conversationRows = conversations.map((c) => `(${uuid(c.id)}, ${c.groupId ? uuid(c.groupId) : 'NULL::uuid'})`).join(', ');
    const participantRows = conversations
      .flatMap((c) =>
        [...c.rows].filter(([, kind]) => kind !== null).map(([userId, kind]) => `(${uuid(c.id)}, ${uuid(userId)}, '${kind}')`),
      )
      .join(', ');
    const named = "SELECT np.conversation_id FROM p np WHERE np.user_id = :callerId AND np.kind = 'participant'";
    for (const caller of members) {
      const scope = access.visibleConversations(caller, 'c', 'me', named);
      const kept = await ids(
        `WITH c(id, group_id) AS (VALUES ${conversationRows}), p(conversation_id, user_id, kind) AS (VALUES ${participantRows})
         SELECT c.id FROM c LEFT JOIN p me ON me.conversation_id = c.id AND me.user_id = :callerId WHERE ${scope.where}`,
        scope,
      );
      const allowed = conversations
        .filter((c) => {
          const own = c.rows.get(caller.userId) ?? null;
          return access.can(caller, { action: 'conversation.see', conversation: { groupId: c.groupId, caller: own, participantCount: 2 } });
        })
        .map((c) => c.id);
      expect({ caller: describeCaller(caller), kept }).toEqual({ caller: describeCaller(caller), kept: allowed.sort() });
    }
  });

  /** Runs a scoped query (TypeORM `:name` parameters turned into `$n`) and answers the ids it keeps, sorted. */
  async function ids(text: string, scope: SqlScope): Promise<string[]> {
    const values: unknown[] = [];
    const positional = text.replace(/(?<!:):(\w+)/g, (_match, name: string) => {
      values.push(scope.params[name]);
      return `$${values.length}`;
    });
    const { rows } = await db.query<{ id: string }>(positional, values);
    return rows.map((row) => row.id).sort();
  }
});

function uuid(id: string): string {
  return `'${id}'::uuid`;
}

function uuidArray(ids: string[]): string {
  return `ARRAY[${ids.map((id) => `'${id}'`).join(', ')}]::uuid[]`;
}

function describeCaller(caller: Caller | null): string {
  return caller ? `${caller.role} ${JSON.stringify(Object.values(caller.groups))}` : 'visitor';
}

/** A small deterministic generator (mulberry32): the same fixtures on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
