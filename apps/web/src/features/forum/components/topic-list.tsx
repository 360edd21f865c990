import type { InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PageDto, TopicDto } from '@harbour/contracts';
import { Avatar } from '../../shared/components/avatar';

interface TopicListProps {
  data: InfiniteData<PageDto<TopicDto>> | undefined;
  hasNextPage: boolean;
  loadMore: () => void;
  loadingMore: boolean;
}

export function TopicList({ data, hasNextPage, loadMore, loadingMore }: TopicListProps) {
  const { t, i18n } = useTranslation();
  const topics = data?.pages.flatMap((page) => page.items) ?? [];
  if (data && topics.length === 0) return <p>{t('forum.noTopics')}</p>;
  return (
    <>
      <ul className="topic-list">
        {topics.map((topic) => (
          <li key={topic.id}>
            <Link to={`/t/${topic.id}`} className="topic-title">
              {topic.title}
            </Link>
            {topic.pinned && <span className="badge">{t('forum.pinned')}</span>}
            {topic.locked && <span className="badge">{t('forum.locked')}</span>}
            {topic.unreadCount !== undefined && topic.unreadCount > 0 && (
              <span className="badge badge-unread">{t('forum.unread', { count: topic.unreadCount })}</span>
            )}
            <p className="muted topic-meta">
              <Avatar user={topic.author} size={20} />{' '}
              {t('forum.topicMeta', {
                author: topic.author.displayName,
                count: topic.postCount,
                date: new Date(topic.lastPostAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </p>
          </li>
        ))}
      </ul>
      {hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loadingMore}>
          {t('forum.loadMoreTopics')}
        </button>
      )}
    </>
  );
}
