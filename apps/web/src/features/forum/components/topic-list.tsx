import type { InfiniteData } from '@tanstack/react-query';
import { useTranslation } from '../../../i18n/use-translation';
import { RouteLink } from '../../../ui/route-link';
import type { PageDto, TopicDto } from '@harbour/contracts';
import { EmptyState } from '../../../ui/empty-state';
import { Skeleton } from '../../../ui/skeleton';
import { Avatar } from '../../shared/components/avatar';
import { categoryStyle } from '../../shared/category-color';
import { RelativeTime } from './list-time';
import './lists.css';
import { anonymousName } from '../../shared/components/anonymous-name';

interface TopicListProps {
  data: InfiniteData<PageDto<TopicDto>> | undefined;
  hasNextPage: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  /** What an empty list says (per filter: "No unread topics"…); defaults to "No topic yet". */
  empty?: { title: string; hint?: string };
  /** Category names by id, to name each topic's category (the home page lists every category). */
  categoryNames?: Map<string, string>;
  /** Colours chosen for categories, by id (null or missing: the hue derived from the id). */
  categoryColors?: Map<string, string | null>;
}

/**
 * A list of topics: each row has its category's colour stripe, the author's avatar, the title, replies and last
 * activity (relative, the full date in the title), and for a member an unread badge linking to the first
 * unread post, or "New" on a topic they never opened.
 */
export function TopicList({ data, hasNextPage, loadMore, loadingMore, empty, categoryNames, categoryColors }: TopicListProps) {
  const { t } = useTranslation();
  const topics = data?.pages.flatMap((page) => page.items) ?? [];
  // A skeleton (data-skeleton): the start-up keeps a server-rendered page until the list is really there.
  if (!data) return <Skeleton lines={5} />;
  if (topics.length === 0) return <EmptyState title={empty?.title ?? t('lists.empty.latest')} hint={empty?.hint} />;
  return (
    <>
      <ul className="topic-rows">
        {topics.map((topic) => (
          <TopicRow
            key={topic.id}
            topic={topic}
            categoryName={categoryNames?.get(topic.categoryId)}
            color={categoryColors?.get(topic.categoryId) ?? null}
          />
        ))}
      </ul>
      {hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loadingMore} className="topic-rows-more">
          {t('lists.loadMore')}
        </button>
      )}
    </>
  );
}

function TopicRow({ topic, categoryName, color }: { topic: TopicDto; categoryName: string | undefined; color: string | null }) {
  const { t } = useTranslation();
  const replies = Math.max(0, topic.postCount - 1);
  const opened = topic.lastReadNumber !== undefined && topic.lastReadNumber !== null;
  const unread = opened ? (topic.unreadCount ?? 0) : 0;
  const hue = categoryStyle({ id: topic.categoryId, color });
  return (
    <li className="topic-row" style={hue}>
      <span className="topic-row-stripe" aria-hidden="true" />
      <Avatar user={topic.author} size={32} />
      <div className="topic-row-main">
        <p className="topic-row-title">
          <RouteLink to={`/t/${topic.slug}/${topic.id}`} className="topic-title">
            {topic.title}
          </RouteLink>
          {topic.pinned && <span className="badge">{t('forum.pinned')}</span>}
          {topic.locked && <span className="badge">{t('forum.locked')}</span>}
          {unread > 0 && (
            <RouteLink
              to={`/t/${topic.slug}/${topic.id}/${(topic.lastReadNumber ?? 0) + 1}`}
              className="badge badge-unread topic-row-unread"
              aria-label={t('lists.unreadBadge', { count: unread })}
            >
              {unread}
            </RouteLink>
          )}
          {topic.lastReadNumber === null && <span className="badge badge-new">{t('lists.newBadge')}</span>}
        </p>
        <p className="topic-row-meta muted">
          {categoryName && (
            <RouteLink to={`/c/${topic.categoryId}`} className="category-badge">
              {categoryName}
            </RouteLink>
          )}
          <span>{t('lists.by', { name: topic.author ? topic.author.displayName : anonymousName(topic.anonymousLabel, t) })}</span>
        </p>
      </div>
      <p className="topic-row-stats">
        <span className="topic-row-replies">{t('lists.replies', { count: replies })}</span>
        <span className="topic-row-activity">
          <RelativeTime at={topic.lastPostAt} />
        </span>
      </p>
    </li>
  );
}
