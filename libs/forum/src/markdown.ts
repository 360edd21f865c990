import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** `@name` where name follows the username rule (ASCII letters, digits, _ . -). */
const MENTION = /(^|[^\w@/.-])@([A-Za-z0-9_.-]{3,30})(?![\w-])/g;

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

/** Turns @mentions in text (never in code) into links to the member's profile. */
markdown.core.ruler.push('mentions', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let insideLink = 0;
    const children = [];
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink += 1;
      if (token.type === 'link_close') insideLink -= 1;
      if (token.type !== 'text' || insideLink > 0 || !token.content.includes('@')) {
        children.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(MENTION)) {
        const start = match.index + (match[1]?.length ?? 0);
        const name = match[2] ?? '';
        const before = new state.Token('text', '', 0);
        before.content = token.content.slice(last, start);
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', `/u/${name.toLowerCase()}`],
          ['class', 'mention'],
        ];
        const text = new state.Token('text', '', 0);
        text.content = `@${name}`;
        children.push(before, open, text, new state.Token('link_close', 'a', -1));
        last = start + name.length + 1;
      }
      const rest = new state.Token('text', '', 0);
      rest.content = token.content.slice(last);
      children.push(rest);
    }
    block.children = children;
  }
});

/** A link to one of this site's uploads (`/api/uploads/<uuid>`), as the composer writes it. */
const UPLOAD_URL = /^\/api\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * An uploaded picture shows its small version (a phone on metered data loads 640 px, not 2048) and opens the
 * full one: wrapped in a link, which works with no script and from the keyboard; the client turns it into a
 * lightbox. Inside a link of the author's own, only the picture changes.
 */
const renderImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const id = UPLOAD_URL.exec(String(token.attrGet('src') ?? ''))?.[1];
  if (!id) return renderImage(tokens, index, options, env, self);
  token.attrSet('src', `/api/uploads/${id}/thumbnail`);
  token.attrSet('loading', 'lazy');
  const image = renderImage(tokens, index, options, env, self);
  return insideLink(tokens, index) ? image : `<a href="/api/uploads/${id}" class="upload-image">${image}</a>`;
};

/** A link to an uploaded file is an attachment (the client shows it as a chip; the file always downloads). */
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  if (UPLOAD_URL.test(String(token.attrGet('href') ?? ''))) token.attrJoin('class', 'attachment');
  return self.renderToken(tokens, index, options);
};

function insideLink(tokens: { type: string }[], index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i += 1) {
    if (tokens[i]!.type === 'link_open') depth += 1;
    if (tokens[i]!.type === 'link_close') depth -= 1;
  }
  return depth > 0;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'class', 'title'], img: ['src', 'alt', 'title', 'loading'], code: ['class'], ol: ['start'] },
  allowedClasses: { a: ['mention', 'upload-image', 'attachment'], code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Only images served by this site: a remote image would tell another host who reads the post.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/(?!\/)/.test(frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
  },
};
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ['href', 'class', 'title', 'rel'] };

/** Markdown to HTML that is safe to put in the page: rendered without raw HTML, then allowlist-sanitized. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/**
 * The usernames a post mentions (lower-cased, unique), read from its rendered HTML (so code spans and
 * blocks never count), which callers already have: rendering twice per write would double the cost.
 */
export function mentionedUsernames(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/<a href="\/u\/([a-z0-9_.-]+)" class="mention"/g)) {
    if (match[1]) names.add(match[1]);
  }
  return [...names];
}
