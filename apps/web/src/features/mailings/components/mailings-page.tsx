import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { Page } from '../../../ui/page';
import { TableScroll } from '../../../ui/table-scroll';
import { useMailings } from '../api/mailings';
import { AudienceLabel, MailingStatusBadge } from './mailing-labels';

/** Admins' mailings, newest first, with where each stands. */
export function MailingsPage() {
  const { t, i18n } = useTranslation();
  const mailings = useMailings();
  const rows = mailings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t('mailings.title')}>
      <p className="toolbar">
        <Link to="/admin/mailings/new" className="button-link">
          {t('mailings.new')}
        </Link>
        <Link to="/admin/subscribers">{t('mailings.subscribers.title')}</Link>
        <Link to="/mailings">{t('mailings.archive.title')}</Link>
      </p>
      {rows.length === 0 && !mailings.isPending ? (
        <p>{t('mailings.none')}</p>
      ) : (
        <TableScroll label={t('mailings.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mailings.subject')}</th>
                <th scope="col">{t('mailings.audience')}</th>
                <th scope="col">{t('mailings.status')}</th>
                <th scope="col">{t('mailings.progress.sent')}</th>
                <th scope="col">{t('mailings.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((mailing) => (
                <tr key={mailing.id}>
                  <td>
                    <Link to={`/admin/mailings/${mailing.id}`}>{mailing.subject}</Link>
                  </td>
                  <td>
                    <AudienceLabel mailing={mailing} />
                  </td>
                  <td>
                    <MailingStatusBadge status={mailing.status} />
                  </td>
                  <td>{mailing.total > 0 ? t('mailings.progress.ofTotal', { sent: mailing.sent, total: mailing.total }) : '—'}</td>
                  <td>{new Date(mailing.createdAt).toLocaleDateString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mailings.hasNextPage && (
        <button type="button" onClick={() => void mailings.fetchNextPage()} disabled={mailings.isFetchingNextPage}>
          {t('mailings.more')}
        </button>
      )}
    </Page>
  );
}
