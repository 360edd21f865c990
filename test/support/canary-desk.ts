import type { Socket } from 'socket.io-client';
import type { PostDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { newMember, type TestMember } from './factories';
import { newCategory, newReply } from './forum';
import { connectSocket, nextEventWhere } from './sockets';

/**
 * A support desk in the canary sweep (issue 20): a member's question in a site desk, with its own word, the
 * outsider @mentioned in it and watching the desk, answered by the admin. The outsider is a member who sees the
 * desk but not the question: the word must never reach them (nor a visitor) by any route, page, socket or mail.
 */
export interface DeskCanary {
  word: string;
  asker: TestMember;
  category: string;
  topic: string;
  post: string;
  reply: string;
}

/** The desk planted in this run (the canary spec is at its length limit: it keeps no variable of its own for it). */
let planted: DeskCanary | null = null;

/** The desk's word, for the sweeps that look for every canary at once (web push). */
export function word(): string {
  if (!planted) throw new Error('plant the desk canary first');
  return planted.word;
}

export async function plant(t: TestApp, people: { admin: TestMember; outsider: TestMember }): Promise<DeskCanary> {
  const word = `desk${Math.random().toString(36).slice(2, 10)}`;
  const { admin, outsider } = people;
  const asker = await newMember(t);
  const category = await newCategory(t, admin, 'Ask the nurse');
  await t.http().patch(`/api/categories/${category}`).set(admin.auth).send({ topicsVisibleTo: 'author' }).expect(200);
  await t.http().put(`/api/categories/${category}/notification-level`).set(outsider.auth).send({ level: 'watching' }).expect(204);
  const topic = (
    await t
      .http()
      .post('/api/topics')
      .set(asker.auth)
      .send({ categoryId: category, title: `Asking about ${word}`, body: `${word} question, @${outsider.user.username}` })
      .expect(201)
  ).body as { id: string; firstPost: { id: string } };
  const reply = await newReply(t, admin, topic.id, `> ${word} quoted\n\nthe nurse answers ${word}`, topic.firstPost.id);
  await t.http().put(`/api/posts/${reply.id}/bookmark`).set(asker.auth).expect(204);
  planted = { word, asker, category, topic: topic.id, post: topic.firstPost.id, reply: reply.id };
  return planted;
}

/**
 * Plants the desk, then answers everything that leaked of its question to members who may not see it (the outsider,
 * the private space's insider) and to a visitor; empty when nothing did. The asker finds it on the same routes, or
 * the sweep would prove nothing.
 */
export async function sweep(t: TestApp, people: { admin: TestMember; insider: TestMember; outsider: TestMember }, sockets: Socket[]) {
  const desk = await plant(t, people);
  const urls = sweepUrls(desk, people.admin);
  const found = (await leaks(t, desk, urls, desk.asker)).length < 8 ? ['the asker does not find the question'] : [];
  for (const who of [people.outsider, people.insider, null])
    found.push(...(await leaks(t, desk, urls, who)).map((leak) => `${who?.user.username ?? 'visitor'}: ${leak}`));
  return [...found, ...(await liveLeaks(t, desk, people, sockets))];
}

/** Every route another member or a visitor can call that could show something of the desk's question. */
export function sweepUrls(desk: DeskCanary, admin: TestMember): string[] {
  const { category, topic, post, reply, word } = desk;
  return [
    '/api/categories',
    `/api/categories/${category}`,
    ...['latest', 'new', 'unread', 'top&period=day'].map((filter) => `/api/categories/${category}/topics?filter=${filter}`),
    ...['latest', 'new', 'unread', 'top&period=day'].map((filter) => `/api/topics?filter=${filter}`),
    `/api/topics/${topic}`,
    `/api/topics/${topic}/posts`,
    `/api/topics/${topic}/notices`,
    `/api/posts/${post}`,
    `/api/posts/${reply}`,
    `/api/posts/${post}/revisions`,
    `/api/search?q=${word}`,
    `/api/search?q=${word}&categoryId=${category}`,
    `/api/users/${desk.asker.user.username}`,
    `/api/users/${desk.asker.user.username}/posts`,
    `/api/users/${admin.user.username}/posts`,
    '/api/bookmarks',
    '/api/notifications',
    '/api/notifications?unread=true',
    '/api/notifications/unread-count',
  ];
}

/** The URLs (and server pages) that show the word to `who`, or that answer 5xx. */
export async function leaks(t: TestApp, desk: DeskCanary, urls: string[], who: TestMember | null): Promise<string[]> {
  const found: string[] = [];
  for (const url of urls) {
    const response = await (who ? t.http().get(url).set(who.auth) : t.http().get(url));
    if (response.status >= 500) found.push(`${url} answered ${response.status}`);
    if (response.text.includes(desk.word)) found.push(url);
  }
  if (who === null) {
    // A visitor's server-rendered pages: the desk's page lists nothing of it, the question is the missing page.
    const missing = await t.http().get('/t/00000000-0000-4000-8000-000000000000');
    for (const path of ['/', `/c/${desk.category}`]) if ((await t.http().get(path)).text.includes(desk.word)) found.push(path);
    const deskPage = await t.http().get(`/c/${desk.category}`);
    if (!deskPage.text.includes('A support desk: only you and the staff see your questions.')) found.push('the desk page does not say so');
    for (const path of [`/t/${desk.topic}`, `/t/a-slug/${desk.topic}/1`])
      if ((await t.http().get(path)).text !== missing.text) found.push(`${path} is not the missing page`);
  }
  return found;
}

/**
 * The outsider's socket is refused the question's room and hears nothing of a new answer (the asker's tab hears
 * it first); once the asker is mailed the answer, no mail but the asker's and the admin's carries the word. Answers what leaked.
 */
export async function liveLeaks(t: TestApp, desk: DeskCanary, people: { admin: TestMember; outsider: TestMember }, sockets: Socket[]) {
  const found: string[] = [];
  const [outsiderTab, askerTab] = [
    await connectSocket(t.baseUrl, { token: people.outsider.token }),
    await connectSocket(t.baseUrl, { token: desk.asker.token }),
  ];
  sockets.push(outsiderTab, askerTab);
  const heard: string[] = [];
  outsiderTab.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
  const refused = (await outsiderTab.timeout(5000).emitWithAck('topic:join', { topicId: desk.topic })) as unknown;
  if (JSON.stringify(refused) !== JSON.stringify({ ok: false, error: 'not_found' }))
    found.push(`topic:join answered ${JSON.stringify(refused)}`);
  await askerTab.timeout(5000).emitWithAck('topic:join', { topicId: desk.topic });
  const answered = nextEventWhere<PostDto>(askerTab, 'post:created', (post) => post.topicId === desk.topic);
  await newReply(t, people.admin, desk.topic, `live answer ${desk.word}`);
  await answered;
  // The asker is mailed the planted answer; the outsider's notifications (watching, mention) would be older still.
  const entitled = [desk.asker, people.admin].map((member) => member.user.email.toLowerCase());
  const askerMailed = () => t.smtp!.messages.some((mail) => mail.to.includes(entitled[0]!) && mail.text.includes(desk.word));
  for (const deadline = Date.now() + 15000; !askerMailed() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (heard.join('\n').includes(desk.word)) found.push('a socket event');
  for (const mail of t.smtp!.messages) {
    if (mail.to.some((to) => entitled.includes(to))) continue;
    if (`${mail.subject}\n${mail.text}\n${mail.html}`.includes(desk.word)) found.push(`mail to ${mail.to.join(', ')}`);
  }
  if (!askerMailed()) found.push('the asker was never mailed the answer (the sweep proves nothing)');
  return found;
}
