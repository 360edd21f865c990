import type { TestApp } from '../app';
import { sql } from '../database';
import type { TestMember } from '../factories';
import { MISSING, privateWrite, roles, signedIn, type Expectation, type MatrixRole, type Row } from './matrix';

/**
 * Gives every member role a draft for each of these topics, written straight into the table: the GET rows then
 * tell "read back" (200) from "not yours to keep here" (the missing draft's 404, though a row is there), and
 * the silenced member has the draft a member has (the matrix's rule: a member's reads).
 */
export async function seedDrafts(t: TestApp, members: Partial<Record<MatrixRole, TestMember>>, topicIds: string[]): Promise<void> {
  for (const member of Object.values(members)) {
    for (const topicId of topicIds) {
      await sql(t.databaseUrl, `INSERT INTO drafts (user_id, key, body) VALUES ($1, $2, 'Seeded draft')`, [
        member.user.id,
        `topic:${topicId}`,
      ]);
    }
  }
}

const draft = { body: 'A draft' };
/** Only the member (and the silenced member, by the matrix's rule) writes in the conversation between them. */
const between = (status: number): Expectation => roles(401, 404, { member: status });
/** The member and the private group's staff write in its inbox conversation. */
const inbox = (status: number): Expectation => roles(401, 404, { member: status, groupModerator: status, groupOwner: status });
/** A well-formed key naming nothing: the same 404 as a place one may not write in. */
const missing = roles(401, 404);
/** A key that is not one: a 400 naming `key`. */
const junk = roles(401, 400);

/** Matrix rows of issue 18 (drafts): kept where one may write what they draft, each member's own. */
export const DRAFT_ROWS: Row[] = [
  { method: 'PUT', path: '/api/drafts/:key', url: (f) => `/api/drafts/topic:${f.topic}`, body: draft, expect: signedIn(204) },
  { method: 'PUT', path: '/api/drafts/:key', url: (f) => `/api/drafts/new-topic:${f.category}`, body: draft, expect: signedIn(204) },
  { method: 'PUT', path: '/api/drafts/:key', url: (f) => `/api/drafts/topic:${f.privateTopic}`, body: draft, expect: privateWrite(204) },
  {
    method: 'PUT',
    path: '/api/drafts/:key',
    url: (f) => `/api/drafts/new-topic:${f.privateCategory}`,
    body: draft,
    expect: privateWrite(204),
  },
  {
    method: 'PUT',
    path: '/api/drafts/:key',
    url: (f) => `/api/drafts/conversation:${f.conversations.between.id}`,
    body: draft,
    expect: between(204),
  },
  {
    method: 'PUT',
    path: '/api/drafts/:key',
    url: (f) => `/api/drafts/conversation:${f.conversations.inbox.id}`,
    body: draft,
    expect: inbox(204),
  },
  { method: 'PUT', path: '/api/drafts/:key', url: () => '/api/drafts/new-conversation', body: draft, expect: signedIn(204) },
  { method: 'PUT', path: '/api/drafts/:key', url: () => `/api/drafts/topic:${MISSING}`, body: draft, expect: missing },
  { method: 'PUT', path: '/api/drafts/:key', url: () => '/api/drafts/topic:not-an-id', body: draft, expect: junk },
  { method: 'GET', path: '/api/drafts/:key', url: (f) => `/api/drafts/topic:${f.topic}`, expect: signedIn(200) },
  // Everyone holds a seeded draft here; only those who may reply in the private space get it back.
  { method: 'GET', path: '/api/drafts/:key', url: (f) => `/api/drafts/topic:${f.privateTopic}`, expect: privateWrite(200) },
  { method: 'GET', path: '/api/drafts/:key', url: () => `/api/drafts/conversation:${MISSING}`, expect: missing },
  { method: 'GET', path: '/api/drafts/:key', url: () => '/api/drafts/nonsense', expect: junk },
  // Throwing one's own draft away asks nothing more, silenced or not: 204 whether or not one was there.
  {
    method: 'DELETE',
    path: '/api/drafts/:key',
    url: (f) => `/api/drafts/topic:${f.privateTopic}`,
    expect: signedIn(204),
    evenSilenced: true,
  },
  { method: 'DELETE', path: '/api/drafts/:key', url: () => '/api/drafts/new-conversation', expect: signedIn(204), evenSilenced: true },
  { method: 'DELETE', path: '/api/drafts/:key', url: () => '/api/drafts/nonsense', expect: junk, evenSilenced: true },
];
