import { useState } from 'react';
import { Link } from 'react-router';
import type { AlertReportDto } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { formatDateTime } from '../../../lib/dates';
import { Alert } from '../../../ui/alert';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { regionName, useAlertRegions } from '../api/alerts';
import { useAlertReports, useDismissReport } from '../api/reports';

/** The alert team's queue (alert-routes.tsx lets only the team in) of "bad batch" reports: each one dismissed, or made into an alert. */
export function ReportsPage() {
  const { t } = useTranslation();
  const reports = useAlertReports(true);
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t('alerts.reports.title')}>
      <p>{t('alerts.reports.intro')}</p>
      {reports.error && <Alert kind="error">{reports.error.message}</Alert>}
      {items.length === 0 && !reports.isPending ? (
        <EmptyState title={t('alerts.reports.none')} hint={t('alerts.reports.noneHint')} />
      ) : (
        <ul className="supply-alert-list" aria-label={t('alerts.reports.title')}>
          {items.map((report) => (
            <ReportItem key={report.id} report={report} />
          ))}
        </ul>
      )}
      {reports.hasNextPage && (
        <button type="button" onClick={() => void reports.fetchNextPage()} disabled={reports.isFetchingNextPage}>
          {t('alerts.more')}
        </button>
      )}
    </Page>
  );
}

function ReportItem({ report }: { report: AlertReportDto }) {
  const { t, i18n } = useTranslation();
  const regions = useAlertRegions().data?.items;
  const dismiss = useDismissReport();
  const [asking, setAsking] = useState(false);
  const headingId = `report-${report.id}`;
  return (
    <li aria-labelledby={headingId}>
      <h2 className="supply-alert-heading" id={headingId}>
        {report.substance} · {regionName(regions, report.region, i18n.language)}
      </h2>
      <p className="supply-alert-meta">{t('alerts.reports.received', { date: formatDateTime(report.createdAt, i18n.language) })}</p>
      <p className="supply-alert-text">{report.description}</p>
      <p>
        {report.contact ? (
          <>
            <strong>{t('alerts.reports.contact')}</strong> {report.contact}
          </>
        ) : (
          <span className="muted">{t('alerts.reports.noContact')}</span>
        )}
      </p>
      <div className="form-actions">
        <Link to={`/alerts/new?fromReport=${report.id}`} state={{ report }} className="button-link">
          {t('alerts.reports.makeAlert')}
        </Link>
        <button type="button" onClick={() => setAsking(true)}>
          {t('alerts.reports.dismiss')}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('alerts.reports.dismissTitle')}
          confirmLabel={t('alerts.reports.dismissConfirm')}
          pending={dismiss.isPending}
          error={dismiss.error?.message}
          onConfirm={() => dismiss.mutate(report.id, { onSuccess: () => setAsking(false) })}
          onClose={() => setAsking(false)}
        >
          <p>{t('alerts.reports.dismissBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
