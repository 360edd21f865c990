import request from 'supertest';
import type { NotificationDto, UploadDto } from '@harbour/contracts';
import { startApiProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { messagesOf, sendMessage, startConversation } from '../support/conversations';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup } from '../support/groups';
import { fetchUpload, fileLinkMarkdown, pictureMarkdown, screenshot, upload, uploadExists } from '../support/uploads';

/**
 * Uploads (api.md 1.1) in conversations, in what travels about them, and across API processes: a letter's
 * file is its participants' alone (site staff included get the 404 of a missing file), a moderator's
 * deletion of a reported message deletes the files only it used, notifications, emails and search mention
 * an attachment and never carry it, and two API processes serve and forget the same files.
 */
describe('uploads: letters, what is said about them, and two API processes', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let cleo: TestMember;
  let category: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    [ana, ben, cleo] = [await newMember(t), await newMember(t), await newMember(t)];
    category = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  const picture = async (who: TestMember) => upload(t, who, await screenshot(), 'map.png');
  const statuses = (file: UploadDto, who: (TestMember | null)[]) => Promise.all(who.map((caller) => fetchUpload(t, caller, file)));

  it('serves a letter’s file to its participants only, site moderators and admins included in the 404; one who leaves loses it', async () => {
    const file = await picture(ana);
    const letter = await startConversation(t, ana, [ben, cleo], 'Where we meet', `Here: ${pictureMarkdown(file, 'the meeting point')}`);
    expect(await statuses(file, [ana, ben, cleo])).toEqual([200, 200, 200]);
    const outsider = await newMember(t);
    expect(await statuses(file, [outsider, moderator, admin, null])).toEqual([404, 404, 404, 404]);
    const thumbnail = { url: `${file.url}/thumbnail` };
    expect(await Promise.all([cleo, admin].map((who) => fetchUpload(t, who, thumbnail)))).toEqual([200, 404]);
    const served = await t.http().get(file.url).set(ben.auth).expect(200);
    expect(served.headers['cache-control']).toBe('private, no-store');

    await t.http().delete(`/api/conversations/${letter.id}/participants/me`).set(cleo.auth).expect(204);
    expect(await statuses(file, [ana, ben, cleo])).toEqual([200, 200, 404]);
  });

  it('shows a file written to a group’s staff to its staff, not to its other members', async () => {
    const owner = await newMember(t);
    const [groupModerator, member] = [await newMember(t), await newMember(t)];
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, groupModerator, 'moderator');
    await addToGroup(t, group, owner, member);
    const file = await picture(cleo);
    await startConversation(t, cleo, { group: group.slug }, 'A photo of the batch', pictureMarkdown(file, 'pills'));
    expect(await statuses(file, [owner, groupModerator, member, ana, moderator])).toEqual([200, 200, 404, 404, 404]);
  });

  it('a moderator deleting a reported message deletes the files only it used, and those an edit had dropped', async () => {
    const [only, shared, dropped] = [await picture(ben), await picture(ben), await picture(ben)];
    const letter = await startConversation(t, ana, [ben], 'Hello', 'Hi Ben');
    const keeper = await sendMessage(t, ben, letter.id, `Also ${pictureMarkdown(shared)}`);
    const reported = await sendMessage(
      t,
      ben,
      letter.id,
      `${pictureMarkdown(only)} ${pictureMarkdown(shared)} ${pictureMarkdown(dropped)}`,
    );
    await t
      .http()
      .patch(`/api/conversations/${letter.id}/messages/${reported.id}`)
      .set(ben.auth)
      .send({ body: `${pictureMarkdown(only)} ${pictureMarkdown(shared)} and nasty words` })
      .expect(200);
    expect(await statuses(dropped, [ben, ana])).toEqual([200, 404]);
    const flag = await t
      .http()
      .post('/api/flags')
      .set(ana.auth)
      .send({ targetType: 'message', targetId: reported.id, reason: 'harassment' })
      .expect(201);
    await t
      .http()
      .post(`/api/moderation/flags/${flag.body.id as string}/resolve`)
      .set(moderator.auth)
      .send({ action: 'delete' })
      .expect(204);
    expect(await Promise.all([only, shared, dropped].map((file) => uploadExists(t, file.id)))).toEqual([false, true, false]);
    expect(await statuses(only, [ben, ana])).toEqual([404, 404]);
    expect(await statuses(shared, [ben, ana])).toEqual([200, 200]);
    expect((await messagesOf(t, ana, letter.id)).map((message) => message.id)).toContain(keeper.id);
  });

  it('keeps a file shown in a post and in a letter while either remains: the post’s deletion leaves it to the letter', async () => {
    const file = await picture(ana);
    const topic = await newTopic(t, ana, category, 'Public flyer');
    const post = await newReply(t, ana, topic.id, pictureMarkdown(file));
    await startConversation(t, ana, [ben], 'The flyer', `As posted: ${pictureMarkdown(file)}`);
    expect(await statuses(file, [ben, cleo, null])).toEqual([200, 200, 200]);
    await t.http().delete(`/api/posts/${post.id}`).set(ana.auth).expect(204);
    expect(await uploadExists(t, file.id)).toBe(true);
    expect(await statuses(file, [ben, cleo, null])).toEqual([200, 404, 404]);
  });

  it('notifications, emails and search mention a picture or a file, never its address or content', async () => {
    const flyer = await picture(ben);
    const notes = await upload(t, ben, Buffer.from('Zebrasecret outreach schedule\n'), 'schedule.txt');
    const reader = await newMember(t);
    const topic = await newTopic(t, reader, category, 'Flyers for Friday');
    await newReply(t, ben, topic.id, `Quaggaword here ${pictureMarkdown(flyer, 'the Friday flyer')} and ${fileLinkMarkdown(notes)}`);
    const mail = await t.smtp!.waitFor(reader.user.email);
    expect(mail.text).toContain('🖼 the Friday flyer');
    expect(mail.text).toContain('📎 schedule.txt');
    for (const part of [mail.text, mail.html]) {
      for (const secret of ['/api/uploads', flyer.id, notes.id, 'Zebrasecret']) expect(part).not.toContain(secret);
    }
    const notifications = (await t.http().get('/api/notifications').set(reader.auth).expect(200)).body.items as NotificationDto[];
    expect(notifications.length).toBeGreaterThan(0);
    expect(JSON.stringify(notifications)).not.toMatch(new RegExp(`/api/uploads|${flyer.id}|${notes.id}`));

    const found = (await t.http().get('/api/search?q=quaggaword').set(reader.auth).expect(200)).body.items as { snippet: string }[];
    expect(found).toHaveLength(1);
    expect(found[0]!.snippet).toMatch(/🖼 the Friday flyer .*📎 schedule\.txt/);
    expect(JSON.stringify(found)).not.toMatch(new RegExp(`/api/uploads|${flyer.id}|${notes.id}`));
    // What a file holds is never searched: only the post's own words are.
    expect((await t.http().get('/api/search?q=zebrasecret').set(reader.auth).expect(200)).body.items).toEqual([]);
  });

  it('two API processes share the files: uploaded on one, fetched on the other, deleted on one and gone on both', async () => {
    const other = await startApiProcess(t);
    try {
      const there = request(other.baseUrl);
      const bytes = await screenshot();
      const sent = await there.post('/api/uploads').set(ana.auth).attach('file', bytes, 'shared.png').expect(201);
      const file = sent.body as UploadDto;
      const here = (await t.http().get(file.url).set(ana.auth).responseType('blob').expect(200)).body as Buffer;
      const back = (await there.get(file.url).set(ana.auth).responseType('blob').expect(200)).body as Buffer;
      expect(Buffer.compare(here, back)).toBe(0);
      const topic = await newTopic(t, ana, category, pictureMarkdown(file));
      await there.get(file.url).expect(200);
      await there.delete(`/api/posts/${topic.firstPost.id}`).set(ana.auth).expect(204);
      await t.http().get(file.url).set(ana.auth).expect(404);
      await there.get(file.url).set(ana.auth).expect(404);
      await there.get(`${file.url}/thumbnail`).set(ana.auth).expect(404);
    } finally {
      await other.stop();
    }
  });
});
