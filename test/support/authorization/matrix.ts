import type { TestMember } from '../factories';
import type { AlertFixtures } from './alerts-rows';
import type { AnonymousFixtures } from './anonymous-rows';
import type { ConversationFixtures } from './conversations-rows';
import type { DeskFixtures } from './desk-rows';
import type { UploadFixtures } from './uploads-rows';

/** The authorization matrix's vocabulary: roles, what a row is, and the usual expectations. */
/**
 * Every route × every role, with the status each must get. A route that is served but missing here fails
 * the first test: access is declared for every route, never forgotten. When a role arrives with a later
 * feature (group owner, silenced, suspended, …), add it to ROLES and every row must say what it gets.
 */
export const ROLES = [
  'anonymous',
  'outsider',
  'member',
  'groupModerator',
  'groupOwner',
  'silenced',
  'suspended',
  'moderator',
  'admin',
] as const;
export type MatrixRole = (typeof ROLES)[number];
/**
 * What each role gets. Two roles follow from the others, and the table says so once rather than on every
 * row: a silenced member (a member of the group) gets what a member gets on reads and 403 on every write;
 * a suspended member's token no longer works, so they get what an anonymous visitor gets.
 */
export type DeclaredRole = Exclude<MatrixRole, 'silenced' | 'suspended'>;
export type Expectation = Record<DeclaredRole, number>;

/**
 * Objects the rows act on: a public category, topic and post by a third member; a private group (the
 * member roles belong to it) with a category, topic and post; a hidden group with the same members.
 */
export interface Fixtures {
  victim: string;
  category: string;
  topic: string;
  post: string;
  privateTopic: string;
  privatePost: string;
  privateCategory: string;
  group: { id: string; slug: string };
  hiddenGroup: { slug: string };
  bystander: TestMember;
  /** A new topic with one reply (by an admin), public or in the private group's space: for split and merge rows. */
  freshTopicWithReply: (where: 'public' | 'private') => Promise<{ topicId: string; postId: string }>;
  /** A new post by the third member, for rows that delete or change it. */
  freshPost: () => Promise<string>;
  /** A new member of the private group, for rows that remove one. */
  freshGroupMember: () => Promise<string>;
  /** A new empty category: a site one (by the admin) or a space of the private group (by its owner). */
  freshCategory: (where: 'site' | 'space') => Promise<string>;
  /** A new pending join request to the private group. */
  freshJoinRequest: () => Promise<string>;
  /** A new open queue item: a fresh post reported by the bystander, on the public site or in the private group. */
  freshQueueItem: (where: 'public' | 'private') => Promise<string>;
  /** A new warning of the victim, to lift. */
  freshSanction: () => Promise<string>;
  /** A new invitation (to a group of its own) for the role calling, or a missing id for the anonymous. */
  invitationFor: (role: MatrixRole) => Promise<string>;
  /** Private conversations and a group inbox (conversations-rows.ts). */
  conversations: ConversationFixtures;
  /** Files used in public and private places, and one used nowhere (uploads-rows.ts). */
  uploads: UploadFixtures;
  /** A topic by the bystander in a site desk and in the private group's desk (desk-rows.ts). */
  desks: DeskFixtures;
  /** An anonymous post and unmask requests about it (anonymous-rows.ts). */
  anonymous: AnonymousFixtures;
  /** An alert, a report, and a member for the team rows (alerts-rows.ts). */
  alerts: AlertFixtures;
}

export interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The concrete URL to call (defaults to path). */
  url?: (ids: Fixtures, role: MatrixRole) => string | Promise<string>;
  body?: object | ((ids: Fixtures) => object);
  /** A multipart body: this file as the part `file` (an upload). */
  file?: (ids: Fixtures) => { name: string; bytes: Buffer };
  expect: Expectation;
  /** The call ends the caller's session: run it on a session of its own. */
  ownSession?: boolean;
  /** A write a silenced member may still make (signing out). */
  evenSilenced?: boolean;
  /**
   * Runs after a call that succeeded: puts back what it did to the role's other sessions (ending them), so the
   * rows after it still run as that role.
   */
  after?: (databaseUrl: string, member: TestMember) => Promise<void>;
}

export const MISSING = '00000000-0000-4000-8000-000000000000';
export const roles = (anonymous: number, others: number, overrides: Partial<Expectation> = {}): Expectation => ({
  anonymous,
  outsider: others,
  member: others,
  groupModerator: others,
  groupOwner: others,
  moderator: others,
  admin: others,
  ...overrides,
});
export const everyone = (status: number): Expectation => roles(status, status);
export const signedIn = (status: number): Expectation => roles(401, status);
export const adminOnly = (status: number): Expectation => roles(401, 403, { admin: status });
export const staffOnly = (status: number): Expectation => roles(401, 403, { moderator: status, admin: status });
/** The private group's spaces: its members and admins; everyone else gets the missing-id 404. */
export const privateRead = (status: number): Expectation =>
  roles(404, 404, { member: status, groupModerator: status, groupOwner: status, admin: status });
export const privateWrite = (status: number): Expectation => ({ ...privateRead(status), anonymous: 401 });
/** Acting on the (visible) private group as its owners and moderators; other members are refused. */
export const groupManagers = (status: number): Expectation =>
  roles(401, 403, { groupModerator: status, groupOwner: status, admin: status });
export const groupOwners = (status: number): Expectation => roles(401, 403, { groupOwner: status, admin: status });
export const heart = encodeURIComponent('❤️');

/** What a role gets on a row: declared, or derived for the silenced and the suspended (see Expectation). */
export function expected(row: Row, role: MatrixRole): number {
  if (role === 'suspended') return row.expect.anonymous;
  if (role === 'silenced') return row.method === 'GET' || row.evenSilenced ? row.expect.member : 403;
  return row.expect[role];
}
