import { Client } from 'pg';
import sharp from 'sharp';
import type { ConversationDto, MessageDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { newMember, type TestMember } from './factories';
import { newReply, newTopic } from './forum';
import { addToGroup, newGroup } from './groups';

/** A member who has done everything a member can leave traces with, and the other member they did it with. */
export interface LivedMember {
  member: TestMember;
  displayName: string;
  /** A word found only in the title of the topic they started (retitled once, as its author may). */
  titleWord: string;
  /** Their first post (a topic they started) and a reply of theirs that was edited (so it has a revision). */
  topicId: string;
  firstPostId: string;
  editedReplyId: string;
  /** A reply of the other member that names them (others' own words: they stay). */
  quotingPostId: string;
  /**
   * A conversation they started with the other member: `letterWord` is in its subject and in both their
   * messages (the second edited, so a revision exists); `answerWord` is in the other member's answer only.
   */
  conversation: { id: string; letterWord: string; answerWord: string; messageIds: string[]; answerId: string };
}

let counter = 0;

/**
 * Gives `member` a life on the site through the API: a profile, posts (one edited), a mention of and by
 * them, a reaction, a bookmark, reading positions and levels, a group they own with another member, a
 * join request, a report they filed, a sanction with their appeal, a staff note, a block, a picture, the mailing list,
 * a password reset mail, notifications both ways, and a conversation they started (a message edited, an answer).
 */
export async function liveALife(t: TestApp, admin: TestMember, other: TestMember, category: string): Promise<LivedMember> {
  counter += 1;
  const member = await newMember(t, { username: `leaver${counter}_${Math.random().toString(36).slice(2, 6)}` });
  const displayName = `Quill Marsh ${counter}${Math.random().toString(36).slice(2, 6)}`;
  const as = (who: TestMember) => ({ ...who.auth });
  await t
    .http()
    .patch('/api/me')
    .set(as(member))
    .send({ displayName, pronouns: 'they/them', bio: `I am ${displayName}, write to ${member.user.email}` })
    .expect(200);

  const topic = await newTopic(t, member, category, `Hello from me, @${other.user.username}`);
  const titleWord = `Nursequill${counter}${Math.random().toString(36).slice(2, 6)}`;
  await t
    .http()
    .patch(`/api/topics/${topic.id}`)
    .set(as(member))
    .send({ title: `Montreal ${titleWord} here` })
    .expect(200);
  const reply = await newReply(t, member, topic.id, 'A first draft');
  await t.http().patch(`/api/posts/${reply.id}`).set(as(member)).send({ body: 'An edited reply' }).expect(200);
  const quoting = await newReply(t, other, topic.id, `Thank you @${member.user.username}, ${displayName} is right`);
  await t
    .http()
    .put(`/api/posts/${quoting.id}/reactions/${encodeURIComponent('❤️')}`)
    .set(as(member))
    .expect(204);
  await t.http().put(`/api/posts/${quoting.id}/bookmark`).set(as(member)).expect(204);
  await t.http().get(`/api/topics/${topic.id}/posts`).set(as(member)).expect(200);
  await t
    .http()
    .post('/api/flags')
    .set(as(member))
    .send({ targetType: 'post', targetId: quoting.id, reason: 'spam', note: 'Not nice' })
    .expect(201);

  const group = await newGroup(t, member, 'private');
  await addToGroup(t, group, member, other);
  const asked = await newGroup(t, other, 'private');
  await t.http().post(`/api/groups/${asked.slug}/join-requests`).set(as(member)).send({ message: 'Let me in please' }).expect(201);

  const sanction = await t
    .http()
    .post(`/api/moderation/users/${member.user.id}/sanctions`)
    .set(as(admin))
    .send({ type: 'warn', reason: 'Off-topic posting' })
    .expect(201);
  await t
    .http()
    .post(`/api/me/sanctions/${sanction.body.id as string}/appeal`)
    .set(as(member))
    .send({ message: `This was me, ${displayName}, by mistake` })
    .expect(204);
  await t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(as(admin)).send({ body: 'Asked for patience' }).expect(201);
  await t.http().put(`/api/me/blocks/${admin.user.id}`).set(as(member)).expect(204);
  const picture = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#993366' } })
    .png()
    .toBuffer();
  await t.http().put('/api/me/avatar').set(as(member)).attach('file', picture, 'me.png').expect(200);
  await t.http().put('/api/mailing/me').set(as(member)).send({ subscribed: true }).expect(200);
  await t.http().post('/api/auth/password-reset').send({ email: member.user.email }).expect(202);
  const conversation = await converse(t, member, other);
  return {
    member,
    displayName,
    titleWord,
    topicId: topic.id,
    firstPostId: topic.firstPost.id,
    editedReplyId: reply.id,
    quotingPostId: quoting.id,
    conversation,
  };
}

async function converse(t: TestApp, member: TestMember, other: TestMember): Promise<LivedMember['conversation']> {
  const word = (prefix: string) => `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const [letterWord, answerWord] = [word('Letterquill'), word('Answerquill')];
  const started = await t
    .http()
    .post('/api/conversations')
    .set(member.auth)
    .send({ to: [other.user.username], subject: `About ${letterWord}`, body: `First ${letterWord}` })
    .expect(201);
  const id = (started.body as ConversationDto).id;
  const send = async (who: TestMember, body: string) =>
    ((await t.http().post(`/api/conversations/${id}/messages`).set(who.auth).send({ body }).expect(201)).body as MessageDto).id;
  const edited = await send(member, `Draft ${letterWord}`);
  await t
    .http()
    .patch(`/api/conversations/${id}/messages/${edited}`)
    .set(member.auth)
    .send({ body: `Edited ${letterWord}` })
    .expect(200);
  const answerId = await send(other, `Answer ${answerWord}`);
  const messages = (await t.http().get(`/api/conversations/${id}/messages`).set(member.auth).expect(200)).body.items as MessageDto[];
  return { id, letterWord, answerWord, messageIds: messages.filter((message) => message.id !== answerId).map((m) => m.id), answerId };
}

/**
 * Where any of `needles` still appears (case ignored) in any text, varchar, char, json, jsonb or array column of
 * any table of the database (pg-boss's too): `schema.table.column` with the ids of the rows, when the table has
 * an id. The deletion sweep of api.md 1.1: a deleted member is nowhere, others' own words aside.
 */
export async function sweep(t: TestApp, needles: string[]): Promise<{ where: string; rows: string[] }[]> {
  const client = new Client(t.databaseUrl);
  await client.connect();
  try {
    const columns = await client.query<{ schema: string; table: string; column: string; has_id: boolean }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column,
              EXISTS (SELECT 1 FROM information_schema.columns i
                       WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id') AS has_id
         FROM information_schema.columns c JOIN information_schema.tables tb
           ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
        ORDER BY 1, 2, 3`,
    );
    const found: { where: string; rows: string[] }[] = [];
    for (const { schema, table, column, has_id: hasId } of columns.rows) {
      const rows = await client.query<{ id: string | null }>(
        `SELECT ${hasId ? 'id::text' : 'NULL'} AS id FROM "${schema}"."${table}"
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE strpos(lower("${column}"::text), lower(n)) > 0)`,
        [needles],
      );
      if (rows.rows.length > 0) found.push({ where: `${schema}.${table}.${column}`, rows: rows.rows.map((row) => row.id ?? '?').sort() });
    }
    return found;
  } finally {
    await client.end();
  }
}
