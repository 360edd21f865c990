import { mentionedUsernames, renderMarkdown } from './markdown';

/** Shapes seen in real XSS reports; none may survive as live markup. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<form action="https://evil.example"><input name=a></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<<script>script>alert(1)<</script>/script>',
];

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**bold** and _em_')).toBe('<p><strong>bold</strong> and <em>em</em></p>\n');
    expect(renderMarkdown('> quoted')).toContain('<blockquote>');
    expect(renderMarkdown('```js\nlet a = 1;\n```')).toContain('<code class="language-js">');
  });

  it.each(HOSTILE)('neutralises %s', (source) => {
    // Escaped text ("&lt;img onerror=…&gt;") and quoted attribute values are inert: inspect the real tags,
    // with attribute names kept and values only where a scheme matters (href, src).
    const tags = (renderMarkdown(source).match(/<[^>]*>/g) ?? []).join(' ');
    const html = tags.replace(/(\s(?!href|src)[\w-]+)="[^"]*"/g, '$1=""');
    expect(html).not.toMatch(/<script|<svg|<iframe|<form|<input|<style|<math/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/src="\s*(javascript|data|https?:)/i);
    expect(html).not.toMatch(/style=/i);
  });

  it('marks every link nofollow ugc noopener', () => {
    expect(renderMarkdown('[site](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="nofollow ugc noopener">site</a></p>\n',
    );
    expect(renderMarkdown('see https://example.org/x')).toContain('rel="nofollow ugc noopener"');
  });

  it('keeps images from this site only', () => {
    expect(renderMarkdown('![logo](/assets/logo.png)')).toContain('<img src="/assets/logo.png" alt="logo" />');
    expect(renderMarkdown('![tracker](https://evil.example/pixel.gif)')).not.toContain('<img');
    expect(renderMarkdown('![tracker](//evil.example/pixel.gif)')).not.toContain('<img');
  });

  it('links @mentions, but not in code, emails or links', () => {
    expect(renderMarkdown('hi @Alice_1!')).toBe(
      '<p>hi <a href="/u/alice_1" class="mention" rel="nofollow ugc noopener">@Alice_1</a>!</p>\n',
    );
    expect(
      mentionedUsernames(renderMarkdown('@alice and @bob, `@carol`, mail dave@example.org, [@erin](https://x.example)\n\n    @frank')),
    ).toEqual(['alice', 'bob']);
  });
});
