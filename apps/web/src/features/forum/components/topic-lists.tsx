import { useId } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useLocation, useSearchParams } from 'react-router';
import { TOPIC_FILTERS, TOPIC_PERIODS, type TopicFilter, type TopicPeriod } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { useTopicList } from '../api/lists';
import { TopicList } from './topic-list';
import './lists.css';

/** The list named by the URL (?filter=…&period=…), so a tab survives a reload and the back button. */
function useListParams(): { filter: TopicFilter; period: TopicPeriod } {
  const [params] = useSearchParams();
  const filter = params.get('filter');
  const period = params.get('period');
  return {
    filter: (TOPIC_FILTERS as readonly string[]).includes(filter ?? '') ? (filter as TopicFilter) : 'latest',
    period: (TOPIC_PERIODS as readonly string[]).includes(period ?? '') ? (period as TopicPeriod) : 'week',
  };
}

/**
 * Latest / Unread / New / Top tabs (real links: each is a URL) and the list they name, site-wide or for one
 * category. Unread and New are a member's own: a visitor is offered to sign in instead.
 */
export function TopicLists({
  categoryId,
  categoryNames,
  categoryColors,
}: {
  categoryId?: string;
  categoryNames?: Map<string, string>;
  categoryColors?: Map<string, string | null>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const { filter, period } = useListParams();
  const headingId = useId();
  const signedIn = Boolean(me.data);
  const personal = filter === 'unread' || filter === 'new';
  const list = useTopicList({ categoryId, filter, period }, signedIn || !personal);
  const href = (next: TopicFilter, nextPeriod: TopicPeriod = period) =>
    next === 'latest' ? pathname : `${pathname}?filter=${next}${next === 'top' ? `&period=${nextPeriod}` : ''}`;
  const tabs = TOPIC_FILTERS.filter((option) => signedIn || (option !== 'unread' && option !== 'new'));

  return (
    <section aria-labelledby={headingId} className="topic-lists">
      <nav aria-label={t('lists.tabs')} className="list-tabs">
        <ul>
          {tabs.map((option) => (
            <li key={option}>
              <Link to={href(option)} aria-current={option === filter ? 'page' : undefined} className="list-tab">
                {t(`lists.filters.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {filter === 'top' && (
        // Links too, not a select that navigates on change: choosing a period is going to another list.
        <nav aria-label={t('lists.period')} className="list-periods">
          <ul>
            {TOPIC_PERIODS.map((option) => (
              <li key={option}>
                <Link to={href('top', option)} aria-current={option === period ? 'page' : undefined} className="list-period">
                  {t(`lists.periods.${option}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2 id={headingId}>{t(`lists.heading.${filter}`)}</h2>
      {personal && !signedIn && !me.isLoading ? (
        <p>
          <Link to="/sign-in">{t('lists.signInFor')}</Link>
        </p>
      ) : (
        <TopicList
          data={list.data}
          hasNextPage={list.hasNextPage}
          loadMore={() => void list.fetchNextPage()}
          loadingMore={list.isFetchingNextPage}
          empty={{ title: t(`lists.empty.${filter}`), hint: t(`lists.empty.${filter}Hint`) }}
          categoryNames={categoryNames}
          categoryColors={categoryColors}
        />
      )}
    </section>
  );
}
