import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { Alert } from '../../../ui/alert';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Page } from '../../../ui/page';
import { feedUrl, regionName, useAlert, useAlertRegions, useRetractAlert } from '../api/alerts';
import type { AlertDto } from '@harbour/contracts';
import { AlertFields } from './alert-fields';
import { AlertsNotFound } from './alerts-not-found';
import { alertTitle } from './alert-text';
import { SeverityBadge } from './severity-badge';
import { HeadLink } from '../../../ui/head-link';

/** One alert, for anyone: its fields, whether it is still in effect, and the team's edit and retract. */
export function AlertPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const alert = useAlert(id);
  const regions = useAlertRegions().data?.items;
  if (alert.error instanceof ApiError && alert.error.status === 401) return <Navigate to="/sign-in" replace />;
  if (alert.error instanceof ApiError && alert.error.status === 404) return <AlertsNotFound title={t('alerts.notFound')} />;
  if (!alert.data) return alert.error ? <Alert kind="error">{alert.error.message}</Alert> : <p>{t('app.loading')}</p>;
  const data = alert.data;
  return (
    <Page title={alertTitle(data, i18n.language)}>
      {data.regions.map((code) => (
        <HeadLink
          key={code}
          rel="alternate"
          type="application/atom+xml"
          title={t('alerts.feed', { region: regionName(regions, code, i18n.language) })}
          href={feedUrl(code)}
        />
      ))}
      <p>
        <SeverityBadge severity={data.severity} />
        {!data.retractedAt && !data.active && <span className="badge">{t('alerts.expired')}</span>}
      </p>
      {data.retractedAt && (
        <div className="alert alert-info">
          <strong>{t('alerts.retracted')}.</strong> {t('alerts.retractedNotice', { date: formatDateTime(data.retractedAt, i18n.language) })}
        </div>
      )}
      <div className={`supply-alert-card ${data.active ? `is-${data.severity}` : ''}`}>
        <AlertFields alert={data} />
      </div>
      <TeamActions alert={data} />
      <ul className="plain-list">
        {data.regions.map((code) => (
          <li key={code}>
            <a href={feedUrl(code)} type="application/atom+xml">
              {t('alerts.feed', { region: regionName(regions, code, i18n.language) })}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/alerts">{t('alerts.back')}</Link>
      </p>
    </Page>
  );
}

/** Edit and retract, each shown exactly when the server's `can` allows it. */
function TeamActions({ alert }: { alert: AlertDto }) {
  const { t, i18n } = useTranslation();
  const retract = useRetractAlert(alert.id);
  const [asking, setAsking] = useState(false);
  if (!alert.can.edit && !alert.can.retract) return null;
  return (
    <div className="form-actions">
      {alert.can.edit && (
        <Link to={`/alerts/${alert.id}/edit`} className="button-outline">
          {t('alerts.edit')}
        </Link>
      )}
      {alert.can.retract && (
        <button type="button" className="button-danger" onClick={() => setAsking(true)}>
          {t('alerts.retract')}
        </button>
      )}
      {asking && (
        <ConfirmDialog
          title={t('alerts.retractTitle', { title: alertTitle(alert, i18n.language) })}
          confirmLabel={t('alerts.retractConfirm')}
          danger
          pending={retract.isPending}
          error={retract.error?.message}
          onConfirm={() => retract.mutate(undefined, { onSuccess: () => setAsking(false) })}
          onClose={() => setAsking(false)}
        >
          <p>{t('alerts.retractBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
