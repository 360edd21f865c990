import { strFromU8, unzipSync } from 'fflate';
import type { Socket } from 'socket.io-client';
import type { MessageDto, ReviewItemDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { markRepliedByEmail } from '../support/authorization/mail-replies-rows';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { conversationSweepUrls, exportedTexts, plantConversationCanary, type ConversationCanary } from '../support/canary-conversations';
import * as uploadCanary from '../support/canary-uploads';
import { expectDraftsKeptInside } from '../support/canary-drafts';
import * as pushCanary from '../support/canary-push';
import { deskCanary, sweepDeskAndAnonymous } from '../support/canary-anonymous';
import { privateSpaceSweepUrls, type CanaryIds } from '../support/canary-sweep-urls';
import { serverPageLeaks } from '../support/canary-pages';
import type { PushSink } from '../support/push';
import { connectSocket, nextEventWhere } from '../support/sockets';

/**
 * Plants a unique word everywhere a private space can hold it (title, body, edit history, a mention of
 * the outsider, a quote, reactions, bookmarks, the group's own name), then sweeps every list, search,
 * count, revision, socket and mail an outsider can reach. The word must never come back. A second word, in
 * private conversations (support/canary-conversations.ts), is swept as site staff and another group's staff too.
 */
describe('a canary in a private space', () => {
  const CANARY = `canary${Math.random().toString(36).slice(2, 10)}`;
  const HEART = encodeURIComponent('❤️');
  let t: TestApp;
  let admin: TestMember;
  let owner: TestMember;
  let insider: TestMember;
  let outsider: TestMember;
  let ids: CanaryIds;
  /** Another canary, in private conversations: site staff and other groups' staff are outsiders there too. */
  let letters: ConversationCanary;
  /** Pictures and documents in the private topic and in a letter (support/canary-uploads.ts). */
  let files: uploadCanary.UploadCanary;
  /** The insider's and the outsider's devices, subscribed to web push before the canary is planted. */
  let pushes: PushSink;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Notification emails leave after one second here, so the mail sweep below sees them.
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' }, webDir: `${__dirname}/../../dist/web` });
    admin = await newMember(t, { role: 'admin' });
    owner = await newMember(t);
    insider = await newMember(t);
    outsider = await newMember(t, { username: 'outsider_canary' });
    pushes = await pushCanary.plant(t, { insider, outsider });
    const publicCategory = await newCategory(t, admin, 'Open talk');
    await newTopic(t, outsider, publicCategory, 'A public topic');

    const group = await newGroup(t, owner, 'hidden');
    await t
      .http()
      .patch(`/api/groups/${group.slug}`)
      .set(owner.auth)
      .send({ name: `${CANARY} group`, description: CANARY })
      .expect(200);
    await addToGroup(t, group, owner, insider);
    const category = await newGroupCategory(t, owner, group, { description: CANARY });
    const topic = (
      await t
        .http()
        .post('/api/topics')
        .set(insider.auth)
        .send({ categoryId: category, title: `About ${CANARY}`, body: `${CANARY} first version, @outsider_canary` })
        .expect(201)
    ).body as { id: string; firstPost: { id: string } };
    await t
      .http()
      .patch(`/api/posts/${topic.firstPost.id}`)
      .set(insider.auth)
      .send({ body: `edited, was ${CANARY}` })
      .expect(200);
    const reply = await newReply(t, owner, topic.id, `> ${CANARY} quoted\n\nreply with ${CANARY}`, topic.firstPost.id);
    await t.http().put(`/api/posts/${reply.id}/reactions/${HEART}`).set(insider.auth).expect(204);
    await t.http().put(`/api/posts/${reply.id}/bookmark`).set(insider.auth).expect(204);
    await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ email: 'someone@example.org' }).expect(201);
    // The outsider blocked the insider: their block list and blocked-author marks are swept too.
    await t.http().put(`/api/me/blocks/${insider.user.id}`).set(outsider.auth).expect(204);
    // As if the owner had written the reply by email (issue 21): the email kept for staff carries the canary too.
    await markRepliedByEmail(t, [reply.id], `reply with ${CANARY}`);
    ids = { topic: topic.id, post: topic.firstPost.id, reply: reply.id, category, group: group.id, groupSlug: group.slug };
    letters = await plantConversationCanary(t, owner, 'outsider_canary');
    files = await uploadCanary.plant(t, { insider, topicId: ids.topic, replyTo: reply.id, letters, outsiderName: 'outsider_canary' });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await t.close();
  });

  it('is there for the members (the sweep below would prove nothing otherwise)', async () => {
    const found = await t.http().get(`/api/search?q=${CANARY}`).set(insider.auth).expect(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    const posts = await t.http().get(`/api/topics/${ids.topic}/posts`).set(insider.auth).expect(200);
    expect(JSON.stringify(posts.body)).toContain(CANARY);
  });

  const sweepUrls = () => privateSpaceSweepUrls(ids, CANARY);

  it('never reaches an outsider or a visitor through any route', async () => {
    for (const who of [outsider, null]) {
      for (const url of sweepUrls()) {
        const call = t.http().get(url);
        const response = await (who ? call.set(who.auth) : call);
        expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(CANARY) });
        expect(response.status).toBeLessThan(500);
      }
    }
    // A visitor's server-rendered pages (with the built client: support/canary-pages.ts); private = missing (404).
    expect(await serverPageLeaks(t, { canary: CANARY, privateTopic: ids.topic, privateCategory: ids.category })).toEqual([]);
    // Quoting the private post from a public topic is refused as if the post did not exist.
    const publicTopics = await t.http().get('/api/topics').set(outsider.auth).expect(200);
    const quote = await t
      .http()
      .post(`/api/topics/${publicTopics.body.items[0].id as string}/posts`)
      .set(outsider.auth)
      .send({ body: 'quoting', quotes: [ids.post] })
      .expect(400);
    expect(quote.text).not.toContain(CANARY);
  });

  it('never reaches an outsider through a profile: no post, count, group membership or completion', async () => {
    // The members see it on each other's profiles (so the sweep below would catch a leak).
    const seen = await t.http().get(`/api/users/${insider.user.username}`).set(owner.auth).expect(200);
    expect(seen.body.postCount).toBeGreaterThan(0);
    expect(seen.body.groups.map((g: { id: string }) => g.id)).toContain(ids.group);
    const theirPosts = await t.http().get(`/api/users/${insider.user.username}/posts`).set(owner.auth).expect(200);
    expect(JSON.stringify(theirPosts.body)).toContain(CANARY);
    for (const who of [outsider, null]) {
      for (const member of [insider, owner]) {
        for (const url of [`/api/users/${member.user.username}`, `/api/users/${member.user.username}/posts`]) {
          const call = t.http().get(url);
          const response = await (who ? call.set(who.auth) : call).expect(200);
          expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(CANARY) });
          expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(ids.group) });
        }
        const profile = await (who
          ? t.http().get(`/api/users/${member.user.username}`).set(who.auth)
          : t.http().get(`/api/users/${member.user.username}`));
        expect([profile.body.postCount, profile.body.groups]).toEqual([0, []]);
      }
    }
    // Completion in the private topic is refused as if it did not exist, and elsewhere names no group.
    const prefix = insider.user.username.slice(0, 6);
    await t.http().get(`/api/users?prefix=${prefix}&topicId=${ids.topic}`).set(outsider.auth).expect(404);
    const found = await t.http().get(`/api/users?prefix=${prefix}`).set(outsider.auth).expect(200);
    expect(found.text).not.toContain(CANARY);
  });

  it('never reaches an outsider through their data export (mentioned there, blocking a member of it)', async () => {
    const response = await t
      .http()
      .post('/api/me/export')
      .set(outsider.auth)
      .send({ password: outsider.password })
      .responseType('blob')
      .expect(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files)).toContain('profile.json');
    for (const [name, bytes] of Object.entries(files)) {
      expect({ name, text: strFromU8(bytes) }).not.toEqual({ name, text: expect.stringContaining(CANARY) });
    }
  });

  it('never reaches an outsider through sockets or mail', async () => {
    // The insider is told (in the app and by email) of the owner's reply: the sweep has something to find.
    const insiderMail = await t.smtp!.waitFor(insider.user.email);
    expect(insiderMail.text).toContain(CANARY);
    const unread = await t.http().get('/api/notifications/unread-count').set(outsider.auth).expect(200);
    expect(unread.body).toEqual({ count: 0 });
    const socket = await connectSocket(t.baseUrl, { token: outsider.token });
    sockets.push(socket);
    const heard: string[] = [];
    socket.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
    const ack = (await socket.timeout(5000).emitWithAck('topic:join', { topicId: ids.topic })) as unknown;
    expect(ack).toEqual({ ok: false, error: 'not_found' });
    await newReply(t, insider, ids.topic, `more ${CANARY}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard.join('\n')).not.toContain(CANARY);
    // Mail to anyone outside the group (the outsider, the address invited by email) carries nothing of it;
    // the emailed invitation names only the group.
    await t.smtp!.waitFor('someone@example.org');
    const members = [owner, insider].map((member) => member.user.email);
    for (const mail of t.smtp!.messages.filter((m) => !m.to.some((to) => members.includes(to)))) {
      expect(mail.to).not.toContain(outsider.user.email);
      expect(mail.text.split(`${CANARY} group`).join('')).not.toContain(CANARY);
    }
  });

  it('leaves letters to their participants, who read, find and are told of them (or the sweeps below prove nothing)', async () => {
    const { word, writer, reader, inboxOwner, between, inbox } = letters;
    const read = await t.http().get(`/api/conversations/${between.id}/messages`).set(reader.auth).expect(200);
    expect(read.text).toContain(`${word}b answer`);
    const answered = await t.http().get(`/api/conversations/${inbox.id}/messages`).set(inboxOwner.auth).expect(200);
    expect(answered.text).toContain(`${word}b for the staff`);
    const found = await t.http().get(`/api/conversations?q=${word}b`).set(writer.auth).expect(200);
    expect(found.body.items.map((item: { id: string }) => item.id).sort()).toEqual([between.id, inbox.id].sort());
    const told = await t.http().get('/api/notifications').set(reader.auth).expect(200);
    expect(told.text).toContain(`${word}s`);
  });

  /** Site staff, another group's owner and moderator, an outsider and a visitor: none is in the conversations. */
  const strangers = () => [admin, letters.siteModerator, owner, letters.otherModerator, outsider];

  it('never shows letters to site staff, another group’s staff, an outsider or a visitor through any route', async () => {
    const urls = conversationSweepUrls(letters);
    /** The URLs that answer with the canary (each answering below 500). */
    const leaks = async (who: TestMember | null) => {
      const responses = await Promise.all(urls.map((url) => (who ? t.http().get(url).set(who.auth) : t.http().get(url))));
      expect(responses.filter((response) => response.status >= 500).map((response) => response.status)).toEqual([]);
      return urls.filter((_url, n) => responses[n]!.text.includes(letters.word));
    };
    // The same sweep finds it as a participant: it would catch a leak.
    const between = `/api/conversations/${letters.between.id}`;
    expect(await leaks(letters.reader)).toEqual(
      expect.arrayContaining(['/api/conversations', between, `${between}/messages`, '/api/notifications']),
    );
    for (const who of [...strangers(), null])
      expect({ who: who?.user.username, leaks: await leaks(who) }).toEqual({ who: who?.user.username, leaks: [] });
  });

  it('never shows letters to site staff, another group’s staff or an outsider through their data export', async () => {
    for (const who of strangers()) {
      for (const [name, text] of Object.entries(await exportedTexts(t, who))) {
        expect({ name, text }).not.toEqual({ name, text: expect.stringContaining(letters.word) });
      }
    }
  });

  it('never sends letters to site staff, another group’s staff or an outsider by socket or mail; no mail carries their words', async () => {
    const { word, writer, reader, inboxOwner, between, inbox } = letters;
    const heard: string[] = [];
    for (const who of strangers()) {
      const socket = await connectSocket(t.baseUrl, { token: who.token });
      sockets.push(socket);
      socket.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
    }
    const [readerTab, staffTab] = [
      await connectSocket(t.baseUrl, { token: reader.token }),
      await connectSocket(t.baseUrl, { token: inboxOwner.token }),
    ];
    sockets.push(readerTab, staffTab);
    const live = [
      nextEventWhere<MessageDto>(readerTab, 'message:updated', (message) => message.conversationId === between.id),
      nextEventWhere<MessageDto>(staffTab, 'message:created', (message) => message.conversationId === inbox.id),
    ];
    const edit = `/api/conversations/${between.id}/messages/${between.firstMessage}`;
    await t
      .http()
      .patch(edit)
      .set(writer.auth)
      .send({ body: `${word}b live edit` })
      .expect(200);
    await t
      .http()
      .post(`/api/conversations/${inbox.id}/messages`)
      .set(writer.auth)
      .send({ body: `${word}b live` })
      .expect(201);
    expect((await Promise.all(live)).map((message) => message.body)).toEqual([`${word}b live edit`, `${word}b live`]);
    // The participants' tabs heard it: anything sent to the others would have arrived by now too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.join('\n')).not.toContain(word);
    // The participants are emailed who wrote and about what (the subject), never the words; nobody else anything.
    expect((await t.smtp!.waitFor(reader.user.email)).subject).toContain(`${word}s`);
    await t.smtp!.waitFor(inboxOwner.user.email);
    const participants = [writer, reader, inboxOwner].map((member) => member.user.email);
    for (const mail of t.smtp!.messages) {
      const text = `${mail.subject}\n${mail.text}\n${mail.html}`;
      expect({ to: mail.to, text }).not.toEqual({ to: mail.to, text: expect.stringContaining(`${word}b`) });
      if (!mail.to.some((to) => participants.includes(to))) expect(text).not.toContain(word);
    }
  });

  it('never names the private space in the moderation log of a site moderator, whatever the filter', async () => {
    const name = `${CANARY} space`;
    await t.http().patch(`/api/categories/${ids.category}`).set(owner.auth).send({ name }).expect(200);
    await t.http().patch(`/api/topics/${ids.topic}`).set(owner.auth).send({ locked: true }).expect(200);
    const everything = await t.http().get(`/api/moderation/log?memberId=${insider.user.id}`).set(admin.auth).expect(200);
    expect(everything.text).toContain(CANARY); // the admin reads the renamed space's topic: so would a leak
    for (const query of ['', `?memberId=${insider.user.id}`, '?action=category', '?action=topic', `?targetId=${ids.category}`]) {
      const response = await t.http().get(`/api/moderation/log${query}`).set(letters.siteModerator.auth).expect(200);
      expect({ query, text: response.text }).not.toEqual({ query, text: expect.stringContaining(CANARY) });
    }
    await t.http().patch(`/api/topics/${ids.topic}`).set(owner.auth).send({ locked: false }).expect(200);
  });

  it('shows a reported letter to the site’s moderators, never in a group’s queue', async () => {
    const { word, reader, between, siteModerator } = letters;
    await t
      .http()
      .post('/api/flags')
      .set(reader.auth)
      .send({ targetType: 'message', targetId: between.firstMessage, reason: 'harassment' })
      .expect(201);
    const queue = await t.http().get('/api/moderation/queue').set(siteModerator.auth).expect(200);
    const item = (queue.body.items as ReviewItemDto[]).find((candidate) => candidate.target.id === between.firstMessage);
    expect(item?.target).toMatchObject({ type: 'message', body: `${word}b live edit` });
    for (const who of [owner, letters.otherModerator, letters.inboxOwner]) {
      const theirs = await t.http().get('/api/moderation/queue').set(who.auth).expect(200);
      expect(theirs.text).not.toContain(word);
      expect(theirs.text).not.toContain(between.firstMessage);
    }
  });

  /** Pictures and documents in the private topic and in a letter: admins see every space, never a letter. */
  const fileSweep = (): uploadCanary.UploadSweep => ({
    t,
    canary: files,
    urls: [...new Set([...sweepUrls(), ...conversationSweepUrls(letters), ...uploadCanary.sweepUrls(files, [insider, letters.writer])])],
    strangers: { space: [outsider, letters.siteModerator, null], letter: [outsider, letters.siteModerator, admin, null] },
  });

  it('serves the files of the private space and the letter where those are seen, and the sweep finds them there', async () => {
    await uploadCanary.expectServedTo(
      fileSweep(),
      { space: [owner, insider, admin], letter: [letters.reader, letters.writer] },
      {
        space: [`/api/topics/${ids.topic}/posts`, `/api/search?q=${files.spaceWord}`, `/api/users/${insider.user.username}/posts`],
        letter: [`/api/conversations/${letters.between.id}/messages`],
      },
    );
  });

  it('never serves them to anyone else (a missing file’s 404, body and all), nor names them through any route or data export', async () => {
    await uploadCanary.expectMissingToStrangers(fileSweep());
    await uploadCanary.expectNamedToNoStranger(fileSweep());
  });

  it('never sends them to anyone else by socket or mail; mail names an attachment, never links it', async () => {
    await uploadCanary.expectNeverSent(fileSweep(), { insider, owner, topicId: ids.topic, replyTo: ids.reply, letters }, sockets);
  });

  it('keeps drafts in the space to their writer; a draft for a topic moved into it is the missing 404', async () => {
    await expectDraftsKeptInside(t, { admin, insider, outsider, topicId: ids.topic, categoryId: ids.category, word: CANARY });
  });

  it('never shows a desk’s question to others, nor names an anonymous poster (staff included), by any route, page, socket or mail', async () => {
    expect(await sweepDeskAndAnonymous(t, { admin, insider, outsider }, sockets)).toEqual([]);
  });

  // Last: every notification of the planting (and the sweeps above) has had its push queued by now.
  it('never reaches a device by web push, with push details off or on', async () => {
    expect(await pushCanary.sweep(t, pushes, CANARY, deskCanary.word())).toEqual([]);
  });
});
