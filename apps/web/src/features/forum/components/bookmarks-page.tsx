import { useTranslation } from '../../../i18n/use-translation';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../../lib/session';
import type { BookmarkDto } from '@harbour/contracts';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { Skeleton } from '../../../ui/skeleton';
import { Avatar } from '../../shared/components/avatar';
import { useBookmarks } from '../api/lists';
import { RelativeTime } from './list-time';
import './lists.css';

/** The member's bookmarked posts, newest bookmark first, a page at a time, each linking to its place in its topic. */
export function BookmarksPage() {
  const me = useMe();
  if (me.isPending) return null;
  // A member's own page (GET /api/bookmarks answers a visitor 401): a visitor is sent to sign in.
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return <Bookmarks />;
}

function Bookmarks() {
  const { t } = useTranslation();
  const bookmarks = useBookmarks();
  const items = bookmarks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t('lists.bookmarks.title')}>
      <p className="muted">{t('lists.bookmarks.intro')}</p>
      {!bookmarks.data && <Skeleton lines={5} />}
      {bookmarks.data && items.length === 0 && <EmptyState title={t('lists.bookmarks.empty')} hint={t('lists.bookmarks.emptyHint')} />}
      {items.length > 0 && (
        <ul className="bookmark-list">
          {items.map((post) => (
            <BookmarkRow key={post.id} post={post} />
          ))}
        </ul>
      )}
      {bookmarks.hasNextPage && (
        <button type="button" onClick={() => void bookmarks.fetchNextPage()} disabled={bookmarks.isFetchingNextPage}>
          {t('lists.bookmarks.loadMore')}
        </button>
      )}
    </Page>
  );
}

function BookmarkRow({ post }: { post: BookmarkDto }) {
  const { t } = useTranslation();
  const href = post.number === null ? `/t/${post.topic.id}` : `/t/${post.topic.slug}/${post.topic.id}/${post.number}`;
  // The post's text, without markup, cut short: the page is a list to find a post again, not to read it.
  const excerpt = post.deleted ? t('lists.bookmarks.deleted') : post.body === '' && post.hidden ? t('lists.bookmarks.hidden') : post.body;
  return (
    <li className="bookmark">
      <Avatar user={post.author} size={32} />
      <div className="bookmark-main">
        <p className="bookmark-title">
          <Link to={href}>
            {t('lists.bookmarks.inTopic', { title: post.topic.title })}
            {post.number !== null && <span className="muted"> · {t('lists.bookmarks.postNumber', { number: post.number })}</span>}
          </Link>
        </p>
        <p className="bookmark-excerpt">{excerpt.length > 240 ? `${excerpt.slice(0, 240)}…` : excerpt}</p>
        <p className="muted bookmark-meta">
          {post.author?.displayName} · <RelativeTime at={post.createdAt} />
        </p>
      </div>
    </li>
  );
}
