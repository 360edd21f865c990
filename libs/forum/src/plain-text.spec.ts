import { decodeEntities, htmlToText } from './plain-text';

describe('decodeEntities', () => {
  it('gives back the characters of a rendered post, which snippetHtml then escapes once', () => {
    expect(decodeEntities('Tom &amp; Jerry &lt;b&gt; &quot;hi&quot; &#39;x&#39; &#x1F600; &nbsp;')).toBe(
      'Tom & Jerry <b> "hi" \'x\' \u{1F600}  ',
    );
  });

  it('drops control characters that would pass for match marks, and leaves unknown names alone', () => {
    expect(decodeEntities('a&#1;b&#x2;c &bogus;')).toBe('abc &bogus;');
  });
});

describe('htmlToText', () => {
  it('keeps the words of a rendered post and none of its markup', () => {
    expect(htmlToText('<h2>Kits</h2>\n<p><strong>Free</strong> naloxone &amp; <a href="/x" rel="nofollow">strips</a></p>')).toBe(
      'Kits Free naloxone & strips',
    );
  });
});
