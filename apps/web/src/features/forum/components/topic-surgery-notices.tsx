import { useEffect } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate } from 'react-router';
import type { TopicDto, TopicNoticeDto } from '@harbour/contracts';
import { formatDateTime } from '../../../lib/dates';
import { useTopicNotices } from '../api/surgery';

/**
 * A merged-away topic's address answers with the topic it went into (the API's 301, followed by the browser):
 * the page then moves to that topic's own address, so links and reading positions are the new topic's.
 */
export function useFollowMergedTopic(routeId: string, topic: TopicDto | undefined) {
  const navigate = useNavigate();
  useEffect(() => {
    if (topic && routeId && topic.id !== routeId.toLowerCase()) {
      void navigate(`/t/${encodeURIComponent(topic.slug)}/${topic.id}`, { replace: true });
    }
  }, [routeId, topic, navigate]);
}

/** What staff did to the thread (moves, splits, merges), in small print; the other topic named only if the reader may see it. */
export function TopicNotices({ topicId }: { topicId: string }) {
  const { t, i18n } = useTranslation();
  const notices = useTopicNotices(topicId);
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="topic-notices" aria-labelledby="topic-notices-heading">
      <h2 id="topic-notices-heading" className="visually-hidden">
        {t('surgery.notices.heading')}
      </h2>
      <ul>
        {items.map((notice) => (
          <li key={notice.id} className="muted">
            <NoticeText notice={notice} /> <time dateTime={notice.createdAt}>· {formatDateTime(notice.createdAt, i18n.language)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoticeText({ notice }: { notice: TopicNoticeDto }) {
  const { t } = useTranslation();
  if (notice.kind === 'moved') {
    return (
      <>{notice.fromCategory ? t('surgery.notices.moved', { category: notice.fromCategory.name }) : t('surgery.notices.movedHidden')}</>
    );
  }
  const other = notice.otherTopic;
  const named = other?.id ? (
    <Link to={`/t/${other.id}`}>{other.title}</Link>
  ) : other ? (
    <q>{other.title}</q>
  ) : (
    t('surgery.notices.anotherTopic')
  );
  const lead =
    notice.kind === 'split_from' ? t('surgery.notices.split_from') : t(`surgery.notices.${notice.kind}`, { count: notice.postCount ?? 0 });
  return (
    <>
      {lead} {named}
    </>
  );
}
