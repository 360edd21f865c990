import sharp from 'sharp';
import type { MeDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';

/** A phone photo as it leaves a phone: a maker's name, GPS coordinates, and "rotate me 90° clockwise". */
async function phonePhoto(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: 100, top: 0 }])
    .jpeg()
    .withExif({
      IFD0: { Make: 'SpyCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2410/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4000/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function pixel(data: Buffer, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 4;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

describe('avatars', () => {
  let t: TestApp;
  let member: TestMember;
  let other: TestMember;
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    member = await newMember(t, { username: 'jane_doe' });
    other = await newMember(t);
  });
  afterAll(() => t.close());

  const upload = (who: TestMember, bytes: Buffer, filename = 'me.jpg', field = 'file') =>
    t.http().put('/api/me/avatar').set(who.auth).attach(field, bytes, { filename, contentType: 'image/jpeg' });

  it('draws a picture from the username for a member who uploaded none, cacheable under its URL and inert', async () => {
    expect(member.user.avatarUrl).toBe(`/api/avatars/${member.user.id}?v=0`);
    const response = await t.http().get(member.user.avatarUrl).buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const svg = (response.body as Buffer).toString();
    expect(svg).toContain('>JD</text>');
    expect(svg).not.toMatch(/<script|on\w+=|href/i);
    // An old or missing version is answered but not kept for good.
    const stale = await t.http().get(`/api/avatars/${member.user.id}?v=7`).expect(200);
    expect(stale.headers['cache-control']).toBe('private, no-cache');
  });

  it('re-encodes an upload to WebP at 64, 128 and 256 pixels, upright, with its EXIF and GPS gone', async () => {
    const photo = await phonePhoto();
    expect(photo.includes(Buffer.from('SpyCam'))).toBe(true);
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const me = (await upload(member, photo).expect(200)).body as MeDto;
    expect(me.avatarUrl).toBe(`/api/avatars/${member.user.id}?v=1`);
    for (const size of [64, 128, 256]) {
      const response = await t.http().get(`${me.avatarUrl}&size=${size}`).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/webp');
      const bytes = response.body as Buffer;
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.exif, metadata.xmp]).toEqual([
        'webp',
        size,
        size,
        undefined,
        undefined,
      ]);
      expect(bytes.includes(Buffer.from('SpyCam'))).toBe(false);
      // Rotated before the tag was dropped: red (the photo's left) on top, blue below.
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const [top, bottom] = [pixel(data, info.width, size / 2, size / 8), pixel(data, info.width, size / 2, (size * 7) / 8)];
      expect(top[0]).toBeGreaterThan(200);
      expect(top[2]).toBeLessThan(60);
      expect(bottom[2]).toBeGreaterThan(200);
      expect(bottom[0]).toBeLessThan(60);
    }
    const [row] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM user_avatars WHERE user_id = $1', [
      member.user.id,
    ]);
    expect(row!.n).toBe(3);
    // Other members see it in every user object that names the member.
    const profile = await t.http().get('/api/users/jane_doe').set(other.auth).expect(200);
    expect(profile.body.user.avatarUrl).toBe(me.avatarUrl);
  });

  it('judges uploads by their bytes: SVG, HTML and text are 415 whatever they claim, nothing stored', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><img src=x onerror=alert(1)>');
    for (const [bytes, name] of [
      [svg, 'picture.jpg'],
      [html, 'picture.png'],
      [Buffer.from('just words'), 'notes.gif'],
      [(await phonePhoto()).subarray(0, 40), 'cut.jpg'],
    ] as const) {
      const response = await upload(other, bytes, name).expect(415);
      expect(response.body.message).toContain('file must be');
    }
    const [row] = await sql<{ n: number; v: number }>(
      t.databaseUrl,
      'SELECT (SELECT count(*)::int FROM user_avatars WHERE user_id = $1) AS n, avatar_version AS v FROM users WHERE id = $1',
      [other.user.id],
    );
    expect(row).toEqual({ n: 0, v: 0 });
  });

  it('accepts PNG, WebP and GIF pictures too', async () => {
    const base = sharp({ create: { width: 30, height: 30, channels: 3, background: '#00aa00' } });
    for (const bytes of [await base.clone().png().toBuffer(), await base.clone().webp().toBuffer(), await base.clone().gif().toBuffer()]) {
      await upload(other, bytes, 'x.bin').expect(200);
    }
    const me = await t.http().get('/api/me').set(other.auth).expect(200);
    expect(me.body.avatarUrl).toBe(`/api/avatars/${other.user.id}?v=3`);
  });

  it('names the missing file (400), refuses a JSON body (415), another field (400) and a file over 8 MB (413)', async () => {
    const missing = await t.http().put('/api/me/avatar').set(member.auth).expect(400);
    expect(missing.body.message).toContain('file');
    await t.http().put('/api/me/avatar').set(member.auth).send({ file: 'x' }).expect(415);
    const wrongField = await upload(member, await phonePhoto(), 'me.jpg', 'picture').expect(400);
    expect(JSON.stringify(wrongField.body.message)).toContain('picture');
    const huge = Buffer.alloc(8 * 1024 * 1024 + 10, 1);
    await upload(member, huge).expect(413);
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.avatarUrl).toBe(`/api/avatars/${member.user.id}?v=1`);
  });

  it('removes the upload: the generated picture comes back under a URL never used before', async () => {
    const me = (await t.http().delete('/api/me/avatar').set(member.auth).expect(200)).body as MeDto;
    expect(me.avatarUrl).toBe(`/api/avatars/${member.user.id}?v=-2`);
    const response = await t.http().get(me.avatarUrl).buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    const [row] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM user_avatars WHERE user_id = $1', [
      member.user.id,
    ]);
    expect(row!.n).toBe(0);
    // Removing again changes nothing; uploading again moves past every earlier URL.
    expect((await t.http().delete('/api/me/avatar').set(member.auth).expect(200)).body.avatarUrl).toBe(me.avatarUrl);
    expect((await upload(member, await phonePhoto()).expect(200)).body.avatarUrl).toBe(`/api/avatars/${member.user.id}?v=3`);
  });

  it('shows a deleted member as the picture generated from their anonymous name: nothing of their upload or their name', async () => {
    const leaving = await newMember(t, { username: 'quill_zephyr' });
    await upload(leaving, await phonePhoto()).expect(200);
    await t.http().delete('/api/me').set(leaving.auth).send({ password: leaving.password, posts: 'anonymize' }).expect(204);
    const [row] = await sql<{ username: string; avatar_version: number }>(
      t.databaseUrl,
      'SELECT username, avatar_version FROM users WHERE id = $1',
      [leaving.user.id],
    );
    expect(row!.username).toMatch(/^deleted-\d+$/);
    // The URL a kept post of theirs carries (toUserDto), at every size.
    for (const size of ['', '&size=256']) {
      const response = await t.http().get(`/api/avatars/${leaving.user.id}?v=${row!.avatar_version}${size}`).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/svg+xml');
      const svg = (response.body as Buffer).toString();
      expect(svg).toContain(`>${row!.username.charAt(0).toUpperCase()}${row!.username.split('-')[1]!.charAt(0)}</text>`);
      expect(svg).not.toContain('QZ');
    }
  });

  it('answers 404 for an unknown, malformed or unapproved member, and 400 naming a bad size', async () => {
    const gone = await newMember(t);
    await sql(t.databaseUrl, `UPDATE users SET status = 'pending' WHERE id = $1`, [gone.user.id]);
    const missing = await t.http().get('/api/avatars/00000000-0000-4000-8000-000000000000').expect(404);
    for (const url of [`/api/avatars/${gone.user.id}`, '/api/avatars/not-an-id']) {
      expect((await t.http().get(url).expect(404)).body).toEqual(missing.body);
    }
    const bad = await t.http().get(`/api/avatars/${member.user.id}?size=huge`).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('size');
  });

  it('on a login-only site shows pictures to members only', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: true }).expect(200);
    try {
      await t.http().get(`/api/avatars/${member.user.id}`).expect(404);
      await t.http().get(`/api/avatars/${member.user.id}`).set(other.auth).expect(200);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: false }).expect(200);
    }
  });
});
