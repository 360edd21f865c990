import { useTranslation } from '../../../i18n/use-translation';
import { formatDateTime } from '../../../lib/dates';
import { regionName, useAlertRegions } from '../api/alerts';
import type { AlertDto } from '@harbour/contracts';
import { alertBody, alertLanguage } from './alert-text';

/** Where an alert applies, by name in the reader's language. */
export function RegionNames({ codes }: { codes: string[] }) {
  const { i18n } = useTranslation();
  const regions = useAlertRegions().data?.items;
  return <>{codes.map((code) => regionName(regions, code, i18n.language)).join(', ')}</>;
}

/** Everything an alert says, in the order a reader needs it: what, how to recognize it, the test, the effects. */
export function AlertFields({ alert }: { alert: AlertDto }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="supply-alert-fields">
      <dt>{t('alerts.fields.substance')}</dt>
      <dd>{alert.substance}</dd>
      {alert.appearance && (
        <>
          <dt>{t('alerts.fields.appearance')}</dt>
          <dd>{alert.appearance}</dd>
        </>
      )}
      {alert.testResult && (
        <>
          <dt>{t('alerts.fields.testResult')}</dt>
          <dd className="supply-alert-text">{alert.testResult}</dd>
        </>
      )}
      <dt>{t('alerts.fields.body')}</dt>
      <dd className="supply-alert-text" lang={alertLanguage(alert, i18n.language, 'body')}>
        {alertBody(alert, i18n.language)}
      </dd>
      <dt>{t('alerts.fields.regions')}</dt>
      <dd>
        <RegionNames codes={alert.regions} />
      </dd>
      <dt>{t('alerts.fields.expiresAt')}</dt>
      <dd>{formatDateTime(alert.expiresAt, i18n.language)}</dd>
      <dt>{t('alerts.fields.publishedAt')}</dt>
      <dd>{formatDateTime(alert.createdAt, i18n.language)}</dd>
    </dl>
  );
}
