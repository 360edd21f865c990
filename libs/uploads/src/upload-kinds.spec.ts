import { judgeUpload, sniffUpload } from './upload-kinds';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const PDF = Buffer.from('%PDF-1.7\n%%EOF');

/** A zip whose first entry is `name` (only the local header matters to sniffing). */
function zipWithFirstEntry(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

describe('judging an upload by its bytes', () => {
  it('knows the pictures and documents Harbour takes from their first bytes, whatever the name', () => {
    expect(sniffUpload(PNG, 'x')?.contentType).toBe('image/png');
    expect(sniffUpload(JPEG, 'x.pdf')?.contentType).toBe('image/jpeg');
    expect(sniffUpload(Buffer.from('GIF89a...'), 'x')?.picture).toBe('gif');
    expect(sniffUpload(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'x')?.picture).toBe('webp');
    expect(sniffUpload(PDF, 'x')?.family).toBe('document');
    expect(sniffUpload(zipWithFirstEntry('mimetype', 'application/vnd.oasis.opendocument.textPK'), 'x')?.extension).toBe('odt');
    expect(sniffUpload(zipWithFirstEntry('[Content_Types].xml', 'PK word/document.xml'), 'x')?.extension).toBe('docx');
    expect(sniffUpload(Buffer.from('site,address\nA,1 Main St\n'), 'sites.csv')?.contentType).toBe('text/csv; charset=utf-8');
    expect(sniffUpload(Buffer.from('Meeting notes: naloxone kits\n'), 'notes')?.contentType).toBe('text/plain; charset=utf-8');
  });

  it('takes nothing a browser could run: SVG, HTML, scripts, executables, other zips, binary junk', () => {
    for (const bytes of [
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml version="1.0"?><svg/>',
      '<!DOCTYPE html><p>hi</p>',
      '  <html><body>',
      'hello <script>alert(1)</script>',
      '#!/bin/sh\nrm -rf /',
      'MZ\x90\x00',
      '\x7fELF\x02\x01',
      'text with a NUL\x00 byte',
    ]) {
      expect(sniffUpload(Buffer.from(bytes, 'latin1'), 'a.txt')).toBeNull();
    }
    expect(sniffUpload(zipWithFirstEntry('payload.exe'), 'a.zip')).toBeNull();
    expect(sniffUpload(Buffer.from([0xc3, 0x28]), 'bad-utf8.txt')).toBeNull();
    expect(sniffUpload(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });

  it('refuses bytes that contradict their claimed type or their name, and names that are web pages or programs', () => {
    expect(judgeUpload(PDF, 'flyer.png', 'image/png')).toEqual({ refused: expect.stringContaining('image/png') });
    expect(judgeUpload(PNG, 'photo.png', 'application/pdf')).toEqual({ refused: expect.stringContaining('application/pdf') });
    expect(judgeUpload(PNG, 'photo.pdf', 'application/octet-stream')).toEqual({ refused: expect.stringContaining('.pdf') });
    expect(judgeUpload(Buffer.from('just text'), 'page.html', 'text/plain')).toEqual({ refused: expect.stringContaining('not accepted') });
    expect(judgeUpload(Buffer.from('just text'), 'run.exe', '')).toEqual({ refused: expect.stringContaining('not accepted') });
  });

  it('accepts what browsers really send: no type, octet-stream, image/jpg, a CSV called an Excel file', () => {
    expect(judgeUpload(JPEG, 'IMG_1.JPG', '')).toMatchObject({ contentType: 'image/jpeg' });
    expect(judgeUpload(JPEG, 'photo', 'application/octet-stream')).toMatchObject({ contentType: 'image/jpeg' });
    expect(judgeUpload(JPEG, 'photo.jpeg', 'image/jpg')).toMatchObject({ contentType: 'image/jpeg' });
    expect(judgeUpload(Buffer.from('a,b\n1,2\n'), 'sites.csv', 'application/vnd.ms-excel')).toMatchObject({ extension: 'csv' });
    expect(judgeUpload(Buffer.from('a,b\n'), 'sites.csv', 'text/plain')).toMatchObject({ extension: 'csv' });
  });
});
