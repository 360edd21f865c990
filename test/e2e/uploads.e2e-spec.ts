import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { PHOTO_SECRETS, phonePhoto, pictureMarkdown, sendUpload, upload } from '../support/uploads';

/**
 * Uploads (api.md 1.1): what is kept of a picture (pixels only), what is refused by its bytes, and who may
 * fetch a file (its uploader, then whoever may see a post that uses it; the same 404 for everyone else).
 */
describe('uploads', () => {
  let t: TestApp;
  let admin: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let publicCategory: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    [ana, ben] = [await newMember(t), await newMember(t)];
    publicCategory = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  it('keeps only the pixels of a phone photo: no EXIF, GPS, serial or owner, turned upright', async () => {
    const file = await upload(t, ana, await phonePhoto(), 'IMG_0001.JPG');
    expect(file).toMatchObject({
      url: `/api/uploads/${file.id}`,
      name: 'IMG_0001.jpg',
      contentType: 'image/jpeg',
      width: 100,
      height: 200,
    });
    const response = await t.http().get(file.url).set(ana.auth).buffer(true).expect(200);
    const bytes = response.body as Buffer;
    for (const secret of PHOTO_SECRETS) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 100, height: 200 });
    expect(metadata.exif).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-disposition']).toContain('inline; filename="IMG_0001.jpg"');
  });

  it('serves a file used in a public post to everyone, and one not used yet to its uploader alone', async () => {
    const file = await upload(t, ana, await phonePhoto());
    await t.http().get(file.url).expect(404);
    await t.http().get(file.url).set(ben.auth).expect(404);
    await t.http().get(file.url).set(admin.auth).expect(404);
    const topic = await newTopic(t, ana, publicCategory, `Look: ${pictureMarkdown(file, 'the new flyer')}`);
    expect(topic.firstPost.html).toContain(`<a href="/api/uploads/${file.id}" class="upload-image"`);
    expect(topic.firstPost.html).toContain(`<img src="/api/uploads/${file.id}/thumbnail" alt="the new flyer" loading="lazy" />`);
    const seen = await t.http().get(file.url).expect(200);
    expect(seen.headers['cache-control']).toBe('private, no-cache');
    // Asked again, it costs no bytes (moved out of sight, it is a 404 even to a browser that kept it: below).
    await t
      .http()
      .get(file.url)
      .set('If-None-Match', seen.headers.etag as string)
      .expect(304);
    const thumbnail = await t.http().get(`${file.url}/thumbnail`).buffer(true).expect(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    // Someone else pasting the URL into their own post does not make a file theirs to publish.
    const other = await upload(t, ana, await phonePhoto());
    await newReply(t, ben, topic.id, pictureMarkdown(other));
    await t.http().get(other.url).set(ben.auth).expect(404);
  });

  it('keeps a file in a private space from outsiders, and follows its topic into one', async () => {
    const owner = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, ana);
    const space = await newGroupCategory(t, owner, group);
    const file = await upload(t, ana, await phonePhoto());
    await newTopic(t, ana, space, pictureMarkdown(file));
    // Where the post is seen, the file is: the group's owner, and admins (who see every space).
    await t.http().get(file.url).set(owner.auth).expect(200);
    await t.http().get(file.url).set(admin.auth).expect(200);
    const moderator = await newMember(t, { role: 'moderator' });
    for (const outsider of [ben, moderator]) await t.http().get(file.url).set(outsider.auth).expect(404);
    await t.http().get(file.url).expect(404);

    const moved = await upload(t, ana, await phonePhoto());
    const topic = await newTopic(t, ana, publicCategory, pictureMarkdown(moved));
    const kept = await t.http().get(moved.url).expect(200);
    await t.http().patch(`/api/topics/${topic.id}`).set(admin.auth).send({ categoryId: space }).expect(200);
    await t.http().get(moved.url).set(ben.auth).expect(404);
    await t
      .http()
      .get(moved.url)
      .set('If-None-Match', kept.headers.etag as string)
      .expect(404);
  });

  it('refuses by the bytes: SVG, HTML, a script named .png, a PDF claiming to be a PNG', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await sendUpload(t, ana, svg, 'logo.svg').expect(415);
    await sendUpload(t, ana, svg, 'logo.png', 'image/png').expect(415);
    await sendUpload(t, ana, Buffer.from('<!doctype html><p>hi'), 'page.txt').expect(415);
    await sendUpload(t, ana, Buffer.from('%PDF-1.4\n%%EOF'), 'flyer.png', 'image/png').expect(415);
    await sendUpload(t, ana, Buffer.from('MZ\x90\x00\x03'), 'setup.pdf').expect(415);
    const pdf = await sendUpload(t, ana, Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF'), 'policy brief.pdf').expect(201);
    expect(pdf.body).toMatchObject({ name: 'policy brief.pdf', contentType: 'application/pdf' });
    const served = await t.http().get(pdf.body.url).set(ana.auth).expect(200);
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="policy brief.pdf"/);
  });

  it('answers 413 past uploadMaxMb and 401 to a visitor', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ uploadMaxMb: 1 }).expect(200);
    await sendUpload(t, ana, Buffer.alloc(1024 * 1024 + 10, 'a'), 'notes.txt').expect(413);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ uploadMaxMb: 8 }).expect(200);
    await t.http().post('/api/uploads').attach('file', Buffer.from('hello'), 'a.txt').expect(401);
  });
});
