import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { TableScroll } from '../../../ui/table-scroll';
import { useModerationLog } from '../api/moderation';

const FILTERS = ['', 'flag', 'sanction', 'post', 'topic', 'user', 'settings', 'watched_word', 'appeal'] as const;

/** Every staff action, newest first, filtered by kind. Nothing here can be edited: the server refuses. */
export function ModerationLogPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<string>('');
  const log = useModerationLog(filter);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Page title={t('moderation.log.title')}>
      <div className="field">
        <label htmlFor="log-filter">{t('moderation.log.filter')}</label>
        <select id="log-filter" value={filter} onChange={(event) => setFilter(event.target.value)}>
          {FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`moderation.log.kinds.${value || 'all'}`)}
            </option>
          ))}
        </select>
      </div>
      {log.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
      {log.isSuccess && log.data.items.length === 0 && <EmptyState title={t('design.empty.log')} />}
      {log.isSuccess && log.data.items.length > 0 && (
        <TableScroll label={t('moderation.log.title')}>
          <table className="log-table">
            <caption className="visually-hidden">{t('moderation.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('moderation.log.when')}</th>
                <th scope="col">{t('moderation.log.who')}</th>
                <th scope="col">{t('moderation.log.what')}</th>
                <th scope="col">{t('moderation.log.why')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt}>{date.format(new Date(entry.createdAt))}</time>
                  </td>
                  <td>{entry.actor?.displayName ?? '—'}</td>
                  <td>
                    <code>{entry.action}</code> {entry.targetType}
                  </td>
                  <td>{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
