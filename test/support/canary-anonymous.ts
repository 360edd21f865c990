import { strFromU8, unzipSync } from 'fflate';
import type { Socket } from 'socket.io-client';
import type { PostDto } from '@harbour/contracts';
import type { TestApp } from './app';
import * as desk from './canary-desk';
import { newMember, type TestMember } from './factories';
import { newCategory, newTopic } from './forum';
import { connectSocket, nextEventWhere } from './sockets';

/**
 * Anonymous posting in the canary sweep (issue 20): a member writes anonymously (a topic, an edit, a reply to the
 * outsider @mentioning the insider), is reported, sanctioned through the post and asked about for unmasking (never
 * approved). The poster's id, username and display name must reach nobody — staff included — by any route, page,
 * data export, socket or mail, except where they are the poster's own (their profile's name, their own mail).
 */
export interface AnonymousCanary {
  poster: TestMember;
  category: string;
  topic: string;
  post: string;
  reply: string;
  word: string;
}

export async function plant(
  t: TestApp,
  people: { admin: TestMember; moderator: TestMember; insider: TestMember; outsider: TestMember },
): Promise<AnonymousCanary> {
  const { admin, moderator, insider, outsider } = people;
  const word = `masked${Math.random().toString(36).slice(2, 10)}`;
  const poster = await newMember(t);
  const category = await newCategory(t, admin, 'Nobody is named here');
  await t.http().patch(`/api/categories/${category}`).set(admin.auth).send({ anonymous: 'required' }).expect(200);
  const topic = (
    await t
      .http()
      .post('/api/topics')
      .set(poster.auth)
      .send({ categoryId: category, title: `Asking about ${word}`, body: `${word} first, @${insider.user.username}` })
      .expect(201)
  ).body as { id: string; firstPost: { id: string } };
  await t
    .http()
    .patch(`/api/posts/${topic.firstPost.id}`)
    .set(poster.auth)
    .send({ body: `${word} edited` })
    .expect(200);
  const outsiders = await newTopic(t, outsider, category, `the outsider asks about ${word}`);
  const reply = (
    await t
      .http()
      .post(`/api/topics/${outsiders.id}/posts`)
      .set(poster.auth)
      .send({ body: `${word} answer to the outsider`, parentId: outsiders.firstPost.id })
      .expect(201)
  ).body as PostDto;
  await t.http().post('/api/flags').set(outsider.auth).send({ targetType: 'post', targetId: reply.id, reason: 'spam' }).expect(201);
  await t
    .http()
    .post(`/api/moderation/posts/${reply.id}/sanctions`)
    .set(moderator.auth)
    .send({ type: 'warn', reason: 'Be kind' })
    .expect(201);
  await t.http().post(`/api/moderation/posts/${reply.id}/unmask`).set(moderator.auth).send({ reason: 'Asked, never approved' }).expect(201);
  return { poster, category, topic: topic.id, post: topic.firstPost.id, reply: reply.id, word };
}

/** What of the poster (id, username, display name) `text` holds. */
function traces(canary: AnonymousCanary, text: string): string[] {
  const { id, username, displayName } = canary.poster.user;
  return [id, username, displayName].filter((trace) => text.includes(trace));
}

/** Every route anyone may call that could tell who wrote the anonymous posts. */
function sweepUrls(canary: AnonymousCanary, people: { insider: TestMember; outsider: TestMember }): string[] {
  const { category, topic, post, reply, word, poster } = canary;
  return [
    ...['latest', 'new', 'unread', 'top&period=day'].map((filter) => `/api/categories/${category}/topics?filter=${filter}`),
    ...['latest', 'new', 'top&period=day'].map((filter) => `/api/topics?filter=${filter}`),
    `/api/topics/${topic}`,
    `/api/topics/${topic}/posts`,
    `/api/posts/${post}`,
    `/api/posts/${reply}`,
    `/api/posts/${post}/revisions`,
    `/api/search?q=${word}`,
    `/api/search?q=${word}&author=${poster.user.username}`,
    `/api/users/${poster.user.username}/posts`,
    `/api/users/${people.insider.user.username}/posts`,
    `/api/users/${people.outsider.user.username}/posts`,
    '/api/bookmarks',
    '/api/notifications',
    '/api/moderation/queue',
    '/api/moderation/log',
    `/api/moderation/log?memberId=${poster.user.id}`,
    '/api/moderation/log?action=sanction',
    '/api/moderation/unmask-requests',
  ];
}

/**
 * Plants the anonymous posts, then answers every place that named their poster to the outsider, the insider (who was
 * @mentioned), the site moderator, the admin and a visitor; empty when none did.
 */
export async function sweep(
  t: TestApp,
  people: { admin: TestMember; moderator: TestMember; insider: TestMember; outsider: TestMember },
  sockets: Socket[],
): Promise<string[]> {
  const canary = await plant(t, people);
  const urls = sweepUrls(canary, people);
  const found: string[] = [];
  const { admin, moderator, insider, outsider } = people;
  for (const who of [outsider, insider, moderator, admin, null]) {
    const name = who?.user.username ?? 'visitor';
    for (const url of urls) {
      const response = await (who ? t.http().get(url).set(who.auth) : t.http().get(url));
      if (response.status >= 500) found.push(`${name}: ${url} answered ${response.status}`);
      for (const trace of traces(canary, response.text)) found.push(`${name}: ${url} holds ${trace}`);
    }
    const profile = await (who
      ? t.http().get(`/api/users/${canary.poster.user.username}`).set(who.auth)
      : t.http().get(`/api/users/${canary.poster.user.username}`));
    if ((profile.body as { postCount: number }).postCount !== 0) found.push(`${name}: the poster's profile counts their anonymous posts`);
    if (who) {
      const exported = await t
        .http()
        .post('/api/me/export')
        .set(who.auth)
        .send({ password: who.password })
        .responseType('blob')
        .expect(200);
      for (const [file, bytes] of Object.entries(unzipSync(new Uint8Array(exported.body as Buffer))))
        for (const trace of traces(canary, strFromU8(bytes))) found.push(`${name}: export ${file} holds ${trace}`);
    }
  }
  for (const path of ['/', `/c/${canary.category}`, `/t/${canary.topic}`])
    for (const trace of traces(canary, (await t.http().get(path)).text)) found.push(`visitor: page ${path} holds ${trace}`);
  return [...found, ...(await liveLeaks(t, canary, people, sockets))];
}

/**
 * The staff's and the outsider's tabs in the topic hear the poster's next anonymous reply (and their typing) without
 * their name; no mail but the poster's own names them. Answers what leaked.
 */
async function liveLeaks(
  t: TestApp,
  canary: AnonymousCanary,
  people: { admin: TestMember; moderator: TestMember; outsider: TestMember },
  sockets: Socket[],
): Promise<string[]> {
  const found: string[] = [];
  const heard: string[] = [];
  const tabs = await Promise.all(
    [people.admin, people.moderator, people.outsider, canary.poster].map((who) => connectSocket(t.baseUrl, { token: who.token })),
  );
  sockets.push(...tabs);
  for (const tab of tabs.slice(0, 3)) tab.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
  for (const tab of tabs) await tab.timeout(5000).emitWithAck('topic:join', { topicId: canary.topic });
  await tabs[3]!.timeout(5000).emitWithAck('topic:typing', { topicId: canary.topic });
  const arrived = nextEventWhere<PostDto>(tabs[0]!, 'post:created', (post) => post.topicId === canary.topic);
  await t
    .http()
    .post(`/api/topics/${canary.topic}/posts`)
    .set(canary.poster.auth)
    .send({ body: `${canary.word} live` })
    .expect(201);
  await arrived;
  // The insider was @mentioned and the outsider answered: both are mailed (after a second), naming nobody.
  const mailedBoth = () =>
    [people.outsider, canary.poster].every((member) => t.smtp!.messages.some((mail) => mail.to.includes(member.user.email.toLowerCase())));
  for (const deadline = Date.now() + 15000; !mailedBoth() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (!mailedBoth()) found.push('the outsider or the poster was never mailed (the sweep proves nothing)');
  for (const trace of traces(canary, heard.join('\n'))) found.push(`a socket event holds ${trace}`);
  const own = canary.poster.user.email.toLowerCase();
  for (const mail of t.smtp!.messages) {
    if (mail.to.includes(own)) continue;
    for (const trace of traces(canary, `${mail.subject}\n${mail.text}\n${mail.html}`))
      found.push(`mail to ${mail.to.join(', ')} holds ${trace}`);
  }
  return found;
}

/** The desk's word and its parts (canary-desk.ts), for the canary spec, which imports both sweeps from here. */
export * as deskCanary from './canary-desk';

/**
 * The support desk's sweep (canary-desk.ts), then this one with a site moderator of its own: one step of the canary
 * spec, which is at its length limit. Answers every leak of both.
 */
export async function sweepDeskAndAnonymous(
  t: TestApp,
  people: { admin: TestMember; insider: TestMember; outsider: TestMember },
  sockets: Socket[],
): Promise<string[]> {
  const leaks = await desk.sweep(t, people, sockets);
  return [...leaks, ...(await sweep(t, { ...people, moderator: await newMember(t, { role: 'moderator' }) }, sockets))];
}
