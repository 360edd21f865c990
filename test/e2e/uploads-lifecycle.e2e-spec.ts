import { strFromU8, unzipSync } from 'fflate';
import type { PostDto, UploadDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { queue } from '../support/moderation';
import { fetchUpload, pictureMarkdown, screenshot, storedUploads, upload, uploadExists } from '../support/uploads';

/**
 * Uploads (api.md 1.1) over their life: a post's deletion (its author's or a moderator's) deletes the files
 * only it used, an edit keeps the file it dropped until the post goes, a held or hidden post's file is seen
 * as the post is, and a member's export holds their files while their account's deletion deletes them all.
 */
describe('uploads: their life with posts and accounts', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let ana: TestMember;
  let reader: TestMember;
  let category: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    [ana, reader] = [await newMember(t), await newMember(t)];
    category = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  const picture = async (who: TestMember = ana) => upload(t, who, await screenshot(), 'flyer.png');
  /** Who gets the file (200) and who the 404 of a missing one, in one list: [author, reader, moderator, visitor]. */
  const seenBy = async (file: UploadDto, author: TestMember = ana) =>
    Promise.all([author, reader, moderator, null].map((who) => fetchUpload(t, who, file)));
  const report = async (postId: string) =>
    (await t.http().post('/api/flags').set(reader.auth).send({ targetType: 'post', targetId: postId, reason: 'spam' }).expect(201)).body
      .id as string;
  const resolve = (id: string, action: string) =>
    t.http().post(`/api/moderation/flags/${id}/resolve`).set(moderator.auth).send({ action }).expect(204);

  it('deleting a post deletes the files only it used; a file another post of its author shows stays', async () => {
    const [only, shared] = [await picture(), await picture()];
    const topic = await newTopic(t, ana, category, 'Flyers below');
    const first = await newReply(t, ana, topic.id, `${pictureMarkdown(only)} and ${pictureMarkdown(shared)}`);
    const second = await newReply(t, ana, topic.id, `Again: ${pictureMarkdown(shared)}`);
    expect(await seenBy(only)).toEqual([200, 200, 200, 200]);

    await t.http().delete(`/api/posts/${first.id}`).set(ana.auth).expect(204);
    expect(await seenBy(only)).toEqual([404, 404, 404, 404]);
    expect(await uploadExists(t, only.id)).toBe(false);
    expect(await seenBy(shared)).toEqual([200, 200, 200, 200]);

    await t.http().delete(`/api/posts/${second.id}`).set(ana.auth).expect(204);
    expect(await uploadExists(t, shared.id)).toBe(false);
    expect(await seenBy(shared)).toEqual([404, 404, 404, 404]);
  });

  it('a post written with a file while the only other post using it is deleted: never a 500, and used means kept', async () => {
    const topic = await newTopic(t, ana, category, 'Moving a picture');
    for (let round = 0; round < 8; round += 1) {
      const file = await picture();
      const old = await newReply(t, ana, topic.id, pictureMarkdown(file));
      const [deleted, created] = await Promise.all([
        t.http().delete(`/api/posts/${old.id}`).set(ana.auth),
        t
          .http()
          .post(`/api/topics/${topic.id}/posts`)
          .set(ana.auth)
          .send({ body: `Here now: ${pictureMarkdown(file)}` }),
      ]);
      expect([deleted.status, created.status]).toEqual([204, 201]);
      // Either the deletion went first (the file is gone, the new post does not use it) or the new post did (it is kept).
      const uses = await sql(t.databaseUrl, 'SELECT 1 FROM post_uploads WHERE post_id = $1', [created.body.id]);
      expect([await fetchUpload(t, reader, file), await uploadExists(t, file.id)]).toEqual(uses.length > 0 ? [200, true] : [404, false]);
    }
  });

  it('a moderator deleting a reported post deletes its file; hiding one shows the file to its author and moderators only', async () => {
    const [deleted, hidden] = [await picture(), await picture()];
    const topic = await newTopic(t, ana, category, 'Two pictures');
    const gone = await newReply(t, ana, topic.id, pictureMarkdown(deleted));
    const kept = await newReply(t, ana, topic.id, pictureMarkdown(hidden));

    await resolve(await report(gone.id), 'delete');
    expect(await uploadExists(t, deleted.id)).toBe(false);
    expect(await seenBy(deleted)).toEqual([404, 404, 404, 404]);

    await resolve(await report(kept.id), 'hide');
    expect(await seenBy(hidden)).toEqual([200, 404, 200, 404]);
    expect(await fetchUpload(t, admin, hidden)).toBe(200);
    expect(await uploadExists(t, hidden.id)).toBe(true);
  });

  it('a held post’s file is seen by its author and the space’s moderators until approved; rejecting deletes it', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 1 }).expect(200);
    try {
      const [newcomer, another] = [await newMember(t), await newMember(t)];
      const [held, rejected] = [await picture(newcomer), await picture(another)];
      const topic = await newTopic(t, newcomer, category, `My first post ${pictureMarkdown(held)}`);
      expect(topic.firstPost.pendingReview).toBe(true);
      expect(await seenBy(held, newcomer)).toEqual([200, 404, 200, 404]);
      const spam = await newTopic(t, another, category, pictureMarkdown(rejected));

      const items = await queue(t, moderator);
      const itemOf = (postId: string) => items.find((item) => item.kind === 'held' && item.target.id === postId)!.id;
      await resolve(itemOf(topic.firstPost.id), 'approve');
      expect(await seenBy(held, newcomer)).toEqual([200, 200, 200, 200]);
      await resolve(itemOf(spam.firstPost.id), 'reject');
      expect(await uploadExists(t, rejected.id)).toBe(false);
      expect(await fetchUpload(t, another, rejected)).toBe(404);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 0 }).expect(200);
    }
  });

  it('an edit that drops a picture keeps its file for the revision, and deleting the post later deletes it', async () => {
    const dropped = await picture();
    const topic = await newTopic(t, ana, category, 'About the clinic');
    const post = await newReply(t, ana, topic.id, `The clinic: ${pictureMarkdown(dropped, 'clinic door')}`);
    await t.http().patch(`/api/posts/${post.id}`).set(ana.auth).send({ body: 'The clinic: next to the pharmacy' }).expect(200);
    const revisions = (await t.http().get(`/api/posts/${post.id}/revisions`).set(ana.auth).expect(200)).body.items as { body: string }[];
    expect(revisions.map((revision) => revision.body)).toContain(`The clinic: ${pictureMarkdown(dropped, 'clinic door')}`);
    expect(await uploadExists(t, dropped.id)).toBe(true);
    // Its author took it out of view: others no longer get it, its author still does.
    expect(await seenBy(dropped)).toEqual([200, 404, 404, 404]);

    await t.http().delete(`/api/posts/${post.id}`).set(ana.auth).expect(204);
    expect(await uploadExists(t, dropped.id)).toBe(false);
  });

  it('the export holds the member’s files, byte for byte, with uploads.json', async () => {
    const member = await newMember(t);
    const shot = await picture(member);
    const notes = await upload(t, member, Buffer.from('Outreach notes: Tuesday 18:00\n'), 'notes.txt');
    const stored = (await t.http().get(shot.url).set(member.auth).responseType('blob').expect(200)).body as Buffer;
    const response = await t.http().post('/api/me/export').set(member.auth).send({ password: member.password }).responseType('blob');
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Buffer.from(files[`uploads/files/${shot.id}-flyer.png`]!)).toEqual(stored);
    expect(strFromU8(files[`uploads/files/${notes.id}-notes.txt`]!)).toBe('Outreach notes: Tuesday 18:00\n');
    const listed = JSON.parse(strFromU8(files['uploads.json']!)) as { id: string; file: string; name: string; size: number }[];
    expect(listed.map(({ id, file, name, size }) => ({ id, file, name, size })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: shot.id, file: `uploads/files/${shot.id}-flyer.png`, name: 'flyer.png', size: stored.length },
      { id: notes.id, file: `uploads/files/${notes.id}-notes.txt`, name: 'notes.txt', size: notes.size },
    ]);
    // Nobody else's file is in it.
    expect(Object.keys(files).filter((path) => path.startsWith('uploads/files/'))).toHaveLength(2);
  });

  it('deleting an account deletes every file of the member, while their posts stay anonymized', async () => {
    const leaver = await newMember(t);
    const [shown, unused] = [await picture(leaver), await picture(leaver)];
    const topic = await newTopic(t, leaver, category, `Our flyer ${pictureMarkdown(shown)}`);
    const answer = await newReply(t, reader, topic.id, 'Thanks!');
    expect(await fetchUpload(t, reader, shown)).toBe(200);
    await t.http().delete('/api/me').set(leaver.auth).send({ password: leaver.password, posts: 'anonymize' }).expect(204);

    expect(await storedUploads(t, leaver.user.id)).toBe(0);
    for (const file of [shown, unused])
      expect(await Promise.all([reader, admin, null].map((who) => fetchUpload(t, who, file)))).toEqual([404, 404, 404]);
    const kept = (await t.http().get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200)).body.items as PostDto[];
    expect(kept.map((post) => post.id)).toEqual([topic.firstPost.id, answer.id]);
    expect(kept[0]!.body).toContain('Our flyer');
    expect(kept[0]!.author?.username).toMatch(/^deleted-\d+$/);
  });
});
