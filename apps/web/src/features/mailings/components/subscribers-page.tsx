import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import {
  SUBSCRIBER_STATUSES,
  SUPPRESSION_STATUSES,
  type SubscriberDto,
  type SubscriberStatus,
  type SuppressionStatus,
} from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Page } from '../../../ui/page';
import { TableScroll } from '../../../ui/table-scroll';
import { useImportSubscribers, useSubscriberCounts, useSubscribers, useSuppressSubscriber } from '../api/subscribers';

/** The mailing list for admins: search, filter, import a CSV with a line-by-line report, export. */
export function SubscribersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<SubscriberStatus | ''>('');
  const subscribers = useSubscribers(q, status);
  const counts = useSubscriberCounts();
  const rows = subscribers.data?.pages.flatMap((page) => page.items) ?? [];
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
  };
  return (
    <Page title={t('mailings.subscribers.title')}>
      <p className="toolbar">
        <Link to="/admin/mailings">{t('mailings.title')}</Link>
        <a href="/api/mailing/subscribers/export" download>
          {t('mailings.subscribers.export')}
        </a>
      </p>
      {counts.data && (
        <p role="status">
          {SUBSCRIBER_STATUSES.map(
            (value) => `${counts.data[value].toLocaleString(i18n.language)} ${t(`mailings.subscribers.statuses.${value}`).toLowerCase()}`,
          ).join(' · ')}
        </p>
      )}
      <ImportForm />
      <form role="search" onSubmit={onSearch} className="inline-form">
        <div className="field">
          <label htmlFor="subscriber-search">{t('mailings.subscribers.search')}</label>
          <input id="subscriber-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="subscriber-status">{t('mailings.status')}</label>
          <select id="subscriber-status" value={status} onChange={(e) => setStatus(e.target.value as SubscriberStatus | '')}>
            <option value="">{t('mailings.subscribers.anyStatus')}</option>
            {SUBSCRIBER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`mailings.subscribers.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('admin.searchSubmit')}</button>
      </form>
      {rows.length === 0 && !subscribers.isPending ? (
        <p>{t('mailings.subscribers.none')}</p>
      ) : (
        <TableScroll label={t('mailings.subscribers.title')}>
          <table>
            <caption className="visually-hidden">{t('mailings.subscribers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('mailings.language')}</th>
                <th scope="col">{t('mailings.status')}</th>
                <th scope="col">{t('mailings.subscribers.consent')}</th>
                <th scope="col">{t('mailings.subscribers.member')}</th>
                <th scope="col">{t('mailings.subscribers.stopMail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.email}</td>
                  <td>{t(`mailings.languages.${row.locale}`)}</td>
                  <td>{t(`mailings.subscribers.statuses.${row.status}`)}</td>
                  <td>
                    {row.consentSource ? (
                      <>
                        {row.consentSource} · {t(`mailings.subscribers.methods.${row.consentMethod}`)}
                        {row.consentAt && ` · ${new Date(row.consentAt).toLocaleDateString(i18n.language)}`}
                        {row.consentExpiresAt &&
                          ` · ${t('mailings.subscribers.expires', { date: new Date(row.consentExpiresAt).toLocaleDateString(i18n.language) })}`}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{row.member ? t('mailings.subscribers.yes') : t('mailings.subscribers.no')}</td>
                  <td>{(row.status === 'subscribed' || row.status === 'pending') && <StopMail subscriber={row} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {subscribers.hasNextPage && (
        <button type="button" onClick={() => void subscribers.fetchNextPage()} disabled={subscribers.isFetchingNextPage}>
          {t('mailings.more')}
        </button>
      )}
    </Page>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const importer = useImportSubscribers();
  const [file, setFile] = useState<File | null>(null);
  const report = importer.data;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('mailings.subscribers.import')}</h2>
      <p id="import-hint" className="field-hint">
        {t('mailings.subscribers.importHint')}
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) void file.text().then((text) => importer.mutate(text));
        }}
      >
        <div className="field">
          <label htmlFor="import-file">{t('mailings.subscribers.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-hint"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={importer.isPending || !file}>
          {importer.isPending ? t('mailings.subscribers.importing') : t('mailings.subscribers.importSubmit')}
        </button>
      </form>
      {importer.error && <Alert kind="error">{importer.error.message}</Alert>}
      {report && (
        <Alert kind={report.errors.length > 0 ? 'info' : 'success'}>
          {t('mailings.subscribers.report', { imported: report.imported, updated: report.updated, skipped: report.skipped })}
          {report.errors.length > 0 && (
            <ul>
              {report.errors.map((error) => (
                <li key={error.line}>{t('mailings.subscribers.lineError', { line: error.line, message: error.message })}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </section>
  );
}

/** Stops mail to one address (its owner asked by phone, a complaint was forwarded); consent is never set here. */
function StopMail({ subscriber }: { subscriber: SubscriberDto }) {
  const { t } = useTranslation();
  const suppress = useSuppressSubscriber();
  const [status, setStatus] = useState<SuppressionStatus>('unsubscribed');
  const [confirming, setConfirming] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      {confirming && (
        <ConfirmDialog
          title={t('setup.confirm.stopMailTitle', { email: subscriber.email })}
          confirmLabel={t('setup.confirm.stopMailConfirm')}
          danger
          pending={suppress.isPending}
          onConfirm={() => suppress.mutate({ id: subscriber.id, status }, { onSettled: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        >
          <p>{t('setup.confirm.stopMailBody')}</p>
        </ConfirmDialog>
      )}
      <select
        aria-label={t('mailings.subscribers.stopMailFor', { email: subscriber.email })}
        value={status}
        onChange={(e) => setStatus(e.target.value as SuppressionStatus)}
      >
        {SUPPRESSION_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`mailings.subscribers.statuses.${value}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={suppress.isPending}>
        {t('mailings.subscribers.stopMailSubmit')}
      </button>
    </form>
  );
}
