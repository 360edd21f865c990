import { MATCH_END, MATCH_START, snippetHtml } from './snippet';

describe('snippetHtml', () => {
  it('marks the matched words and escapes everything else', () => {
    expect(snippetHtml(`free ${MATCH_START}naloxone${MATCH_END} <script>alert(1)</script> & "kits"`)).toBe(
      'free <mark>naloxone</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kits&quot;',
    );
  });

  it('never leaves a mark open or closes one that was not opened', () => {
    expect(snippetHtml(`${MATCH_END}a ${MATCH_START}b`)).toBe('a <mark>b</mark>');
    expect(snippetHtml(`${MATCH_START}${MATCH_START}x${MATCH_END}${MATCH_END}`)).toBe('<mark>x</mark>');
  });
});
