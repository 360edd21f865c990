import { contentDisposition, storedName } from './upload-name';

describe('the name a file is stored under', () => {
  it('keeps the member’s words and takes the extension of what the bytes are', () => {
    expect(storedName('Naloxone map.PNG', 'png')).toBe('Naloxone map.png');
    expect(storedName('rapport été.docx', 'pdf')).toBe('rapport été.pdf');
    expect(storedName('IMG_0001.HEIC.jpg', 'jpg')).toBe('IMG_0001.HEIC.jpg');
  });

  it('drops folders, control characters, lone surrogates and leading dots; never an empty name', () => {
    expect(storedName('C:\\Users\\jane\\Desktop\\flyer.pdf', 'pdf')).toBe('flyer.pdf');
    expect(storedName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(storedName('a\u0000b\u0007c\uD800d.txt', 'txt')).toBe('abcd.txt');
    expect(storedName('.htaccess', 'txt')).toBe('file.txt');
    expect(storedName('', 'png')).toBe('file.png');
    expect(storedName('"<script>".png', 'png')).toBe('script.png');
    expect(Array.from(storedName('é'.repeat(400), 'png'))).toHaveLength(154);
  });

  it('says the name twice in Content-Disposition: an ASCII fallback and the UTF-8 original', () => {
    expect(contentDisposition('attachment', 'rapport été.pdf')).toBe(
      `attachment; filename="rapport _t_.pdf"; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.pdf`,
    );
  });
});
