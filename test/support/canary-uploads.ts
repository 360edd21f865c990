import type { Socket } from 'socket.io-client';
import type { MessageDto, PostDto, UploadDto } from '@harbour/contracts';
import type { TestApp } from './app';
import type { ReceivedMail } from './smtp-sink';
import { exportedTexts, type ConversationCanary } from './canary-conversations';
import type { TestMember } from './factories';
import { newReply } from './forum';
import { MISSING } from './authorization/matrix';
import { connectSocket, nextEventWhere } from './sockets';
import { fileLinkMarkdown, pictureMarkdown, screenshot, upload } from './uploads';

type Place = 'space' | 'letter';
type Where = { insider: TestMember; topicId: string; replyTo: string; letters: ConversationCanary };

/** Files in a private group space and in a private conversation: a picture and a document in each. */
export interface UploadCanary {
  /** In the space's files' names, alt text and document bytes. */
  spaceWord: string;
  /** The same for the conversation's files. */
  letterWord: string;
  space: UploadDto[];
  letter: UploadDto[];
  /** The Markdown posted with them (to post again, live). */
  spaceBody: string;
  letterBody: string;
}

/** A PDF whose bytes hold the word too: nothing may ever read a document's content out to anyone. */
const pdf = (word: string) => Buffer.from(`%PDF-1.4\n% ${word} inside\n1 0 obj <<>> endobj\n%%EOF`);

/**
 * The insider posts a picture (alt text asked for) and a document in the private topic; the letters' writer
 * sends the same kinds to the reader. Both posts mention the outsider, who must not be told of them.
 */
export async function plant(t: TestApp, place: Where & { outsiderName: string }): Promise<UploadCanary> {
  const word = `file${Math.random().toString(36).slice(2, 10)}`;
  const [spaceWord, letterWord] = [`${word}s`, `${word}l`];
  const png = await screenshot();
  const files = async (who: TestMember, w: string) => [
    await upload(t, who, png, `${w} flyer.png`),
    await upload(t, who, pdf(w), `${w} plan.pdf`),
  ];
  const body = (w: string, [picture, document]: UploadDto[]) =>
    `${pictureMarkdown(picture!, `${w} alt`)}\n\n${fileLinkMarkdown(document!)} for @${place.outsiderName}`;
  const space = await files(place.insider, spaceWord);
  const letter = await files(place.letters.writer, letterWord);
  const canary = { spaceWord, letterWord, space, letter, spaceBody: body(spaceWord, space), letterBody: body(letterWord, letter) };
  await postUploadCanary(t, canary, place);
  return canary;
}

/** Posts the files' Markdown in the private topic (answering `replyTo`, whose author is emailed) and the letter (again: a post may use a file another uses). */
export async function postUploadCanary(t: TestApp, canary: UploadCanary, place: Where): Promise<void> {
  await newReply(t, place.insider, place.topicId, canary.spaceBody, place.replyTo);
  const { writer, between } = place.letters;
  await t.http().post(`/api/conversations/${between.id}/messages`).set(writer.auth).send({ body: canary.letterBody }).expect(201);
}

/** The canary's files, the URLs swept for them, and who must never get those of each place. */
export interface UploadSweep {
  t: TestApp;
  canary: UploadCanary;
  urls: string[];
  strangers: Record<Place, (TestMember | null)[]>;
}

/** What must never reach someone outside a place: its word (names, alt text, bytes) and its files' ids. */
export function uploadSecrets(canary: UploadCanary, place: Place): string[] {
  return [place === 'space' ? canary.spaceWord : canary.letterWord, ...canary[place].map((file) => file.id)];
}

/** The secrets of every place `who` is a stranger to. */
function secretsOf(sweep: UploadSweep, who: TestMember | null): string[] {
  return (['space', 'letter'] as const).flatMap((place) =>
    sweep.strangers[place].includes(who) ? uploadSecrets(sweep.canary, place) : [],
  );
}

/** Each file and its thumbnail. */
export function uploadUrls(files: UploadDto[]): string[] {
  return files.flatMap((file) => [file.url, `${file.url}/thumbnail`]);
}

/** The GETs (beyond the forum's and the letters' sweeps) where a file's name or id could surface. */
export function sweepUrls(canary: UploadCanary, uploaders: TestMember[]): string[] {
  const queries = [canary.spaceWord, canary.letterWord, 'flyer', 'plan'];
  return [
    ...queries.map((q) => `/api/conversations?q=${q}`),
    ...[...queries, ...[...canary.space, ...canary.letter].map((file) => file.id)].map((q) => `/api/search?q=${q}`),
    ...uploaders.flatMap((member) => [`/api/users/${member.user.username}`, `/api/users/${member.user.username}/posts`]),
  ];
}

/** The calls, as `who` (null: a visitor), whose answer holds one of the secrets; a 5xx fails at once. */
export async function leakingUrls(t: TestApp, who: TestMember | null, urls: string[], secrets: string[]): Promise<string[]> {
  const responses = await Promise.all(urls.map((url) => (who ? t.http().get(url).set(who.auth) : t.http().get(url))));
  expect(responses.filter((response) => response.status >= 500).map((response) => response.status)).toEqual([]);
  return urls.filter((_url, n) => secrets.some((secret) => responses[n]!.text.includes(secret)));
}

/**
 * The URLs of these files (and thumbnails) where `who` gets something else than a missing file gets (status,
 * type and body): none, for someone who may not see them. Each asks as a browser holding the file would (its
 * ETag, `"<id>-file"`): a 304 would tell a stranger the file is there.
 */
export async function servedUnlikeMissing(t: TestApp, who: TestMember | null, files: UploadDto[]): Promise<string[]> {
  const answer = async (url: string) => {
    const [, id, variant = 'file'] = /^\/api\/uploads\/([^/]+)\/?(thumbnail)?$/.exec(url)!;
    const call = t.http().get(url).set('If-None-Match', `"${id}-${variant}"`);
    const response = await (who ? call.set(who.auth) : call);
    return JSON.stringify([response.status, response.headers['content-type'], response.text]);
  };
  const missing = { file: await answer(`/api/uploads/${MISSING}`), thumbnail: await answer(`/api/uploads/${MISSING}/thumbnail`) };
  expect(missing.file).toMatch(/^\[404,/);
  const answers = await Promise.all(uploadUrls(files).map(answer));
  return uploadUrls(files).filter((url, n) => answers[n] !== (url.endsWith('/thumbnail') ? missing.thumbnail : missing.file));
}

/**
 * Those who see a place get its files, and the sweep, as the first of them, finds them at `foundAt` at least
 * (so it would catch a leak).
 */
export async function expectServedTo(
  sweep: UploadSweep,
  seers: Record<Place, TestMember[]>,
  foundAt: Record<Place, string[]>,
): Promise<void> {
  for (const place of ['space', 'letter'] as const) {
    for (const who of seers[place]) {
      expect(await servedUnlikeMissing(sweep.t, who, sweep.canary[place])).toEqual(uploadUrls(sweep.canary[place]));
    }
    const found = await leakingUrls(sweep.t, seers[place][0]!, sweep.urls, uploadSecrets(sweep.canary, place));
    expect(found).toEqual(expect.arrayContaining(foundAt[place]));
  }
}

/** Each stranger to a place gets a missing file's 404, body and all, for its files and their thumbnails. */
export async function expectMissingToStrangers(sweep: UploadSweep): Promise<void> {
  for (const place of ['space', 'letter'] as const) {
    for (const who of sweep.strangers[place]) {
      const served = await servedUnlikeMissing(sweep.t, who, sweep.canary[place]);
      expect({ place, who: who?.user.username, served }).toEqual({ place, who: who?.user.username, served: [] });
    }
  }
}

/** No route swept, and no file of their data export, names a file of a place to a stranger to it. */
export async function expectNamedToNoStranger(sweep: UploadSweep): Promise<void> {
  for (const who of new Set([...sweep.strangers.space, ...sweep.strangers.letter])) {
    const leaks = await leakingUrls(sweep.t, who, sweep.urls, secretsOf(sweep, who));
    expect({ who: who?.user.username, leaks }).toEqual({ who: who?.user.username, leaks: [] });
    for (const [name, text] of Object.entries(who ? await exportedTexts(sweep.t, who) : {})) {
      const found = secretsOf(sweep, who).filter((secret) => text.includes(secret));
      expect({ who: who?.user.username, name, found }).toEqual({ who: who?.user.username, name, found: [] });
    }
  }
}

/** By socket (the files posted again while everyone listens) and by mail (all of it, so far). */
export async function expectNeverSent(sweep: UploadSweep, where: Where & { owner: TestMember }, sockets: Socket[]): Promise<void> {
  await expectLiveToNoStranger(sweep, where, sockets);
  await expectMailNamesWithoutLinks(sweep, where);
}

/**
 * The files posted again while the strangers' sockets listen (joined to the private topic, as far as they
 * may): the group's owner and the letter's reader hear them, the strangers nothing of them.
 */
async function expectLiveToNoStranger(sweep: UploadSweep, where: Where & { owner: TestMember }, sockets: Socket[]): Promise<void> {
  const { t, canary } = sweep;
  const heard = new Map<TestMember, string[]>();
  const tab = async (who: TestMember) => {
    const socket = await connectSocket(t.baseUrl, { token: who.token });
    sockets.push(socket);
    await socket.timeout(5000).emitWithAck('topic:join', { topicId: where.topicId });
    return socket;
  };
  for (const who of new Set([...sweep.strangers.space, ...sweep.strangers.letter])) {
    if (!who) continue;
    heard.set(who, []);
    (await tab(who)).onAny((event: string, payload: unknown) => heard.get(who)!.push(`${event} ${JSON.stringify(payload)}`));
  }
  const [ownerTab, readerTab] = [await tab(where.owner), await tab(where.letters.reader)];
  const live = [
    nextEventWhere<PostDto>(ownerTab, 'post:created', (post) => post.html.includes(canary.space[0]!.id)),
    nextEventWhere<MessageDto>(readerTab, 'message:created', (message) => message.body.includes(canary.letter[0]!.id)),
  ];
  await postUploadCanary(t, canary, where);
  await Promise.all(live);
  // The participants' tabs heard it: anything sent to the others would have arrived by now too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const [who, events] of heard) {
    const found = secretsOf(sweep, who).filter((secret) => events.join('\n').includes(secret));
    expect({ who: who.user.username, found }).toEqual({ who: who.user.username, found: [] });
  }
}

/**
 * The owner is emailed the insider's answer, which names the picture (its alt text) and the document but
 * links neither; no mail links a file, names the letter's files, or names the space's outside the group.
 */
async function expectMailNamesWithoutLinks(sweep: UploadSweep, group: { owner: TestMember; insider: TestMember }): Promise<void> {
  const { canary } = sweep;
  const told = await mailWhere(sweep.t, (mail) => mail.to.includes(group.owner.user.email) && mail.text.includes(canary.spaceWord));
  expect(told.text).toContain(`🖼 ${canary.spaceWord} alt 📎 ${canary.space[1]!.name}`);
  const fileIds = [...canary.space, ...canary.letter].map((file) => file.id);
  for (const mail of sweep.t.smtp!.messages) {
    const text = `${mail.subject}\n${mail.text}\n${mail.html}`;
    const member = mail.to.some((to) => [group.owner.user.email, group.insider.user.email].includes(to));
    const found = [...fileIds, canary.letterWord, ...(member ? [] : [canary.spaceWord])].filter((secret) => text.includes(secret));
    expect({ to: mail.to, found }).toEqual({ to: mail.to, found: [] });
  }
}

/** The first mail caught that matches (mail leaves after the suite's one-second delay). */
async function mailWhere(t: TestApp, matches: (mail: ReceivedMail) => boolean, timeoutMs = 15000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = t.smtp!.messages.find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No such mail within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
