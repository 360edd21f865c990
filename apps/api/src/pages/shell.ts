/**
 * The built index.html, cut once at start-up around the places a server page fills: its title, its
 * language and the markup shown before the client takes over. The page's own markup goes in
 * #server-page; the client renders into #root (hidden until its data is on screen, see main.tsx) and
 * removes #server-page then. No inline script and no data in the page: the CSP allows only same-origin files.
 */
export class PageShell {
  private readonly before: string;
  private readonly after: string;

  constructor(indexHtml: string) {
    // A server page is readable without JavaScript: index.html's "needs JavaScript" notice does not belong on it.
    const html = indexHtml.replace(/<noscript>[\s\S]*?<\/noscript>\s*/, '');
    const root = '<div id="root"></div>';
    const at = html.indexOf(root);
    if (at < 0 || !/<title>[^<]*<\/title>/.test(html) || !html.includes('<html lang="en">')) {
      throw new Error('index.html has no <div id="root"></div>, <title> or <html lang="en">: server pages cannot use it');
    }
    this.before = html.slice(0, at);
    this.after = html.slice(at + root.length);
  }

  /** `title`, `body` and `head` (more tags for <head>) are HTML already escaped by the caller (see html.ts). */
  page({
    lang,
    title,
    description,
    body,
    head = '',
  }: {
    lang: string;
    title: string;
    description?: string;
    body: string;
    head?: string;
  }): string {
    const top = this.before
      .replace('</head>', head ? `  ${head}\n  </head>` : '</head>')
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace(
        /<title>[^<]*<\/title>/,
        `<title>${title}</title>${description ? `\n    <meta name="description" content="${description}" />` : ''}`,
      );
    return `${top}<div id="server-page">${body}</div><div id="root" hidden></div>${this.after}`;
  }
}
