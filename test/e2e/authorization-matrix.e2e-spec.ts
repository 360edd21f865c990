import { startTestApp, type TestApp } from '../support/app';
import { matrixFixtures } from '../support/authorization/fixtures';
import { expected, MISSING, ROLES, type Fixtures, type MatrixRole, type Row } from '../support/authorization/matrix';
import { MODERATION_AND_GROUP_ROWS } from '../support/authorization/moderation-group-rows';
import { NOTIFICATION_AND_MAIL_ROWS } from '../support/authorization/notification-mail-rows';
import { SITE_AND_FORUM_ROWS } from '../support/authorization/site-forum-rows';
import { BLOCK_ROWS } from '../support/authorization/blocks-rows';
import { CATEGORY_ROWS } from '../support/authorization/categories-rows';
import { DESK_ROWS } from '../support/authorization/desk-rows';
import { ANONYMOUS_ROWS } from '../support/authorization/anonymous-rows';
import { MAIL_REPLIES_ROWS } from '../support/authorization/mail-replies-rows';
import { CONVERSATION_ROWS } from '../support/authorization/conversations-rows';
import { UPLOAD_ROWS } from '../support/authorization/uploads-rows';
import { DRAFT_ROWS } from '../support/authorization/drafts-rows';
import { PUSH_ROWS } from '../support/authorization/push-rows';
import { LEAVING_ROWS } from '../support/authorization/leaving-rows';
import { PROFILE_ROWS } from '../support/authorization/profiles-rows';
import { SELF_SERVICE_ROWS } from '../support/authorization/self-service-rows';
import { TWO_FACTOR_ROWS } from '../support/authorization/two-factor-rows';
import { SURGERY_ROWS } from '../support/authorization/surgery-rows';
import { DISCREET_ROWS } from '../support/authorization/discreet-rows';
import { ALERT_ROWS } from '../support/authorization/alerts-rows';
import { SOCKET_MATRIX } from '../support/authorization/sockets';
import type { TestMember } from '../support/factories';
import { connectSocket } from '../support/sockets';

/**
 * Every route × every role, with the status each must get (the rows live in test/support/authorization/,
 * one file per part of the API, in the order they run). A route that is served but missing there fails the
 * first test: access is declared for every route, never forgotten.
 */
const MATRIX: Row[] = [
  ...SITE_AND_FORUM_ROWS,
  ...CATEGORY_ROWS,
  ...DESK_ROWS,
  ...ANONYMOUS_ROWS,
  ...MAIL_REPLIES_ROWS,
  ...MODERATION_AND_GROUP_ROWS,
  ...NOTIFICATION_AND_MAIL_ROWS,
  ...PROFILE_ROWS,
  ...SELF_SERVICE_ROWS,
  ...TWO_FACTOR_ROWS,
  ...BLOCK_ROWS,
  ...LEAVING_ROWS,
  ...CONVERSATION_ROWS,
  ...UPLOAD_ROWS,
  ...DRAFT_ROWS,
  ...PUSH_ROWS,
  ...SURGERY_ROWS,
  ...DISCREET_ROWS,
  ...ALERT_ROWS,
];

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    )
    .sort();
}

describe('the authorization matrix', () => {
  let t: TestApp;
  let members: Partial<Record<MatrixRole, TestMember>> = {};
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    ({ members, fixtures } = await matrixFixtures(t));
  });
  afterAll(() => t.close());

  it('declares every served route, and serves every declared one', () => {
    const declared = [...new Set(MATRIX.map((row) => `${row.method} ${row.path}`))].sort();
    expect(servedRoutes(t)).toEqual(declared);
  });

  const cases = MATRIX.flatMap((row) => ROLES.map((role) => [`${row.method} ${row.path}`, role, expected(row, role), row] as const));

  it.each(cases)('%s as %s → %i', async (_name, role, status, row) => {
    let headers: Record<string, string> = {};
    const member = role === 'anonymous' ? undefined : members[role];
    if (member) {
      let token = member.token;
      if (row.ownSession && role !== 'suspended') {
        const login = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
        token = login.body.token as string;
      }
      headers = { Authorization: `Bearer ${token}` };
    }
    const url = row.url ? await row.url(fixtures, role) : row.path;
    const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let call = t.http()[method](url).set(headers);
    if (row.body !== undefined) call = call.send(typeof row.body === 'function' ? row.body(fixtures) : row.body);
    if (row.file) {
      const { name, bytes } = row.file(fixtures);
      call = call.attach('file', bytes, name);
    }
    const response = await call;
    if (row.after && member && response.status < 300) await row.after(t.databaseUrl, member);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  });

  const socketCases = SOCKET_MATRIX.flatMap((row) => ROLES.map((role) => [row.event, role, row] as const));

  it.each(socketCases)('socket %s as %s', async (event, role, row) => {
    const member = role === 'anonymous' ? undefined : members[role];
    if (role === 'suspended') {
      await expect(connectSocket(t.baseUrl, { token: member!.token })).rejects.toThrow('unauthorized');
      return;
    }
    const socket = await connectSocket(t.baseUrl, member ? { token: member.token } : {});
    try {
      const topicId = row.topic(fixtures);
      if (event === 'topic:typing') await socket.timeout(5000).emitWithAck('topic:join', { topicId });
      expect(await socket.timeout(5000).emitWithAck(event, row.payload?.(fixtures) ?? { topicId })).toEqual(row.expect[role]);
    } finally {
      socket.close();
    }
  });

  it('answers an outsider exactly what it answers for a missing id, body and all', async () => {
    const outsider = members.outsider!;
    const pairs: [string, string][] = [
      [`/api/topics/${fixtures.privateTopic}`, `/api/topics/${MISSING}`],
      [`/api/topics/${fixtures.privateTopic}/posts`, `/api/topics/${MISSING}/posts`],
      [`/api/posts/${fixtures.privatePost}`, `/api/posts/${MISSING}`],
      [`/api/posts/${fixtures.privatePost}/revisions`, `/api/posts/${MISSING}/revisions`],
      [`/api/categories/${fixtures.privateCategory}`, `/api/categories/${MISSING}`],
      [`/api/categories/${fixtures.privateCategory}/topics`, `/api/categories/${MISSING}/topics`],
      [`/api/groups/${fixtures.hiddenGroup.slug}`, '/api/groups/no-such-group'],
      [`/api/groups/${fixtures.hiddenGroup.slug}/members`, '/api/groups/no-such-group/members'],
      ...[fixtures.uploads.inPrivateSpace, fixtures.uploads.inConversation, fixtures.uploads.inInbox].flatMap((id): [string, string][] => [
        [`/api/uploads/${id}`, `/api/uploads/${MISSING}`],
        [`/api/uploads/${id}/thumbnail`, `/api/uploads/${MISSING}/thumbnail`],
      ]),
    ];
    for (const [hidden, missing] of pairs) {
      const [a, b] = await Promise.all([t.http().get(hidden).set(outsider.auth), t.http().get(missing).set(outsider.auth)]);
      expect({ url: hidden, status: a.status, body: a.body as unknown }).toEqual({ url: hidden, status: 404, body: b.body as unknown });
    }
    const reply = await t.http().post(`/api/topics/${fixtures.privateTopic}/posts`).set(outsider.auth).send({ body: 'hello' });
    const replyMissing = await t.http().post(`/api/topics/${MISSING}/posts`).set(outsider.auth).send({ body: 'hello' });
    expect([reply.status, reply.body]).toEqual([404, replyMissing.body]);
  });

  it('answers site staff and an outsider on a conversation exactly what it answers for a missing one', async () => {
    const { id, memberMessage } = fixtures.conversations.between;
    const calls: ['get' | 'post' | 'patch' | 'put' | 'delete', string, object?][] = [
      ['get', `/api/conversations/${id}`],
      ['get', `/api/conversations/${id}/messages`],
      ['post', `/api/conversations/${id}/messages`, { body: 'hello' }],
      ['patch', `/api/conversations/${id}/messages/${memberMessage}`, { body: 'hello' }],
      ['put', `/api/conversations/${id}/read`, { messageId: memberMessage }],
      ['post', `/api/conversations/${id}/participants`, { username: fixtures.bystander.user.username }],
      ['delete', `/api/conversations/${id}/participants/me`],
      ['post', '/api/flags', { targetType: 'message', targetId: memberMessage, reason: 'spam' }],
    ];
    for (const role of ['outsider', 'groupOwner', 'moderator', 'admin'] as const) {
      for (const [method, url, body] of calls) {
        const call = (target: string, data?: object) => t.http()[method](target).set(members[role]!.auth).send(data);
        const missingBody = body && 'targetId' in body ? { ...body, targetId: MISSING } : body;
        const [hidden, missing] = [
          await call(url, body),
          await call(url.split(id).join(MISSING).split(memberMessage).join(MISSING), missingBody),
        ];
        expect({ role, url, status: hidden.status, body: hidden.body as unknown }).toEqual({
          role,
          url,
          status: 404,
          body: missing.body as unknown,
        });
      }
    }
  });
});
