import { decodeEntities } from '@harbour/forum';
import type { CategoryDto, PostDto, TopicDto } from '@harbour/contracts';
import { html, trusted, type SafeHtml } from './html';
import type { Lang, Words } from './words';

/** What every server page knows: the visitor's language and words, and the site's name. */
export interface PageContext {
  lang: Lang;
  w: Words;
  siteName: string;
  /** The admins' own words about the site (issue 19); empty: the generic introduction. */
  siteDescription: string;
  /** Where the quick exit leads (issue 20): an http(s) address the settings checked. */
  quickExitUrl: string;
}

export interface View {
  title: string;
  description?: string;
  main: SafeHtml;
}

/**
 * The client's layout (app/layout.tsx) in plain HTML, with the same classes so the page looks the same
 * before and after the client takes over. Only links: a guest has nothing to submit here.
 */
export function layout({ w, siteName, quickExitUrl }: PageContext, main: SafeHtml): SafeHtml {
  return html`<a class="skip-link" href="#main">${w.skipToContent}</a>
    <header class="site-header">
      <a href="/" class="site-name">${siteName}</a>
      <nav aria-label="${w.mainNav}" class="site-nav">
        <a href="/groups">${w.groups}</a> <a href="/alerts">${w.alerts}</a> <a href="/sign-in">${w.signIn}</a>
        <a href="/sign-up" class="button-link">${w.signUp}</a>
      </nav>
      <a href="${quickExitUrl}" class="quick-exit" data-quick-exit rel="noreferrer" title="${w.quickExitHint}">${w.quickExit}</a>
    </header>
    <main id="main" tabindex="-1">${main}</main>
    <footer class="site-footer">
      <nav aria-label="${w.footerNav}"><a href="/mailings">${w.archive}</a> · <a href="/mailing/subscribe">${w.subscribe}</a></nav>
    </footer>`;
}

const page = (title: string, body: SafeHtml): SafeHtml =>
  html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title" tabindex="-1">${title}</h1>
    ${body}
  </section>`;

function date({ lang }: PageContext, iso: string): string {
  // The server does not know the reader's time zone: UTC, said so, until the client shows local time.
  return `${new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

function topicList(context: PageContext, topics: TopicDto[], more: string | null): SafeHtml {
  const { w } = context;
  if (topics.length === 0) return html`<p>${w.noTopics}</p>`;
  const items = topics.map(
    (topic) =>
      html`<li>
        <a href="/t/${topic.id}" class="topic-title">${topic.title}</a
        >${topic.pinned ? html` <span class="badge">${w.pinned}</span>` : null}${
          topic.locked ? html` <span class="badge">${w.locked}</span>` : null
        }
        <p class="muted topic-meta">
          ${w.topicMeta(
            topic.author ? topic.author.displayName : w.anonymous(topic.anonymousLabel ?? ''),
            topic.postCount,
            date(context, topic.lastPostAt),
          )}
        </p>
      </li>`,
  );
  return html`<ul class="topic-list">
      ${items}
    </ul>
    ${more ? html`<p><a href="${more}" rel="next">${w.moreTopics}</a></p>` : null}`;
}

export function homeView(context: PageContext, categories: CategoryDto[], topics: TopicDto[], more: string | null): View {
  const { w } = context;
  const title = w.welcome(context.siteName);
  const list = categories.map(
    (category) =>
      html`<li>
        <a href="/c/${category.id}">${category.name}</a><span class="muted"> · ${w.topics(category.topicCount)}</span>${
          category.description ? html`<p class="muted">${category.description}</p>` : null
        }
      </li>`,
  );
  const main = page(
    title,
    html`<p>${context.siteDescription || w.intro}</p>
      <p>${w.guest}</p>
      <div class="home-columns">
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading">${w.categories}</h2>
          ${categories.length === 0 ? html`<p>${w.noCategories}</p>` : null}
          <ul class="category-list">
            ${list}
          </ul>
        </section>
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">${w.latest}</h2>
          ${topicList(context, topics, more)}
        </section>
      </div>`,
  );
  return { title, description: context.siteDescription || w.intro, main };
}

export function categoryView(context: PageContext, category: CategoryDto, topics: TopicDto[], more: string | null): View {
  // A support desk says so, as the client's page does: a visitor sees no one's questions there.
  const desk = category.topicsVisibleTo === 'author' ? html`<p class="muted">${context.w.supportDesk}</p>` : null;
  const body = html`${category.description ? html`<p>${category.description}</p>` : null}${desk}${topicList(context, topics, more)}`;
  return { title: category.name, description: category.description || undefined, main: page(category.name, body) };
}

function postView(context: PageContext, post: PostDto): SafeHtml {
  const { w } = context;
  const content = post.deleted
    ? html`<p class="muted">${w.deletedPost}</p>`
    : post.hidden && !post.html
      ? html`<p class="muted">${w.hiddenPost}</p>`
      : post.contentWarning
        ? html`<details class="content-warning">
            <summary>${w.contentWarning(post.contentWarning)}</summary>
            <div class="post-body">${trusted(post.html)}</div>
          </details>`
        : html`<div class="post-body">${trusted(post.html)}</div>`;
  return html`<li>
    <article class="post" id="post-${post.id}" aria-labelledby="post-${post.id}-by" data-post-number="${post.number ?? ''}">
      <header class="post-header">
        <span id="post-${post.id}-by" class="post-author"
          >${
            post.author
              ? post.author.displayName
              : post.anonymousLabel && !post.deleted
                ? w.anonymous(post.anonymousLabel)
                : w.deletedAuthor
          }</span
        >
        <time class="muted" datetime="${post.createdAt}">${date(context, post.createdAt)}</time>
      </header>
      ${content}
    </article>
  </li>`;
}

export function topicView(
  context: PageContext,
  topic: TopicDto,
  category: CategoryDto,
  posts: PostDto[],
  pages: { earlier: string | null; later: string | null },
): View {
  const { w } = context;
  const first = posts.find((post) => post.number === 1);
  const body = html`<p><a href="/c/${category.id}">${category.name}</a></p>
    ${pages.earlier ? html`<p><a href="${pages.earlier}" rel="prev">${w.earlierPosts}</a></p>` : null}
    <ul class="thread">
      ${posts.map((post) => postView(context, post))}
    </ul>
    ${
      pages.later
        ? html`<p><a href="${pages.later}" rel="next">${w.morePosts}</a></p>`
        : html`<p><a href="/sign-in">${w.replyPrompt}</a></p>`
    }`;
  return {
    title: topic.title,
    description: first && !first.contentWarning ? summary(first.html) : undefined,
    main: page(topic.title, body),
  };
}

export function notFoundView({ w }: PageContext): View {
  return { title: w.notFound, main: page(w.notFound, html`<a href="/">${w.backHome}</a>`) };
}

export function badLinkView({ w }: PageContext): View {
  return { title: w.badLink, main: page(w.badLink, html`<a href="/">${w.backHome}</a>`) };
}

/** A search engine's snippet: the first post's words, without markup, cut at about 160 characters. */
function summary(postHtml: string): string {
  const text = decodeEntities(postHtml.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
