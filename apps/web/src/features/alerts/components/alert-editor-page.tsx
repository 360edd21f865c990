import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AlertDto, AlertReportDto } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { regionName, useAlert, useAlertRegions, useSaveAlert } from '../api/alerts';
import { useAlertReports } from '../api/reports';
import { AlertsNotFound } from './alerts-not-found';
import { AlertForm, dayOf, toCreateBody, toUpdateBody, type AlertDraft } from './alert-form';

const WEEK = 7 * 24 * 60 * 60 * 1000;

function draftOf(alert: AlertDto): AlertDraft {
  return {
    title: alert.title,
    titleFr: alert.titleFr ?? '',
    body: alert.body,
    bodyFr: alert.bodyFr ?? '',
    substance: alert.substance,
    appearance: alert.appearance ?? '',
    testResult: alert.testResult ?? '',
    severity: alert.severity,
    regions: alert.regions,
    expiresOn: dayOf(new Date(alert.expiresAt)),
  };
}

/** A new alert, blank or from a report (its region, substance and words to start from; publishing closes it). */
function newDraft(report: AlertReportDto | undefined): AlertDraft {
  return {
    title: '',
    titleFr: '',
    body: report?.description ?? '',
    bodyFr: '',
    substance: report?.substance ?? '',
    appearance: '',
    testResult: '',
    severity: 'warning',
    regions: report ? [report.region] : [],
    expiresOn: dayOf(new Date(Date.now() + WEEK)),
  };
}

/** The alert team writes an alert (alert-routes.tsx lets only the team in): `/alerts/new` (`?fromReport=<id>` from the queue). */
export function NewAlertPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromReport = params.get('fromReport') ?? undefined;
  // The queue hands the report over with the link; a reload finds it in the open reports.
  const handed = (useLocation().state as { report?: AlertReportDto } | null)?.report;
  const reports = useAlertReports(Boolean(fromReport && !handed));
  const report = fromReport
    ? (handed ?? reports.data?.pages.flatMap((page) => page.items).find((item) => item.id === fromReport))
    : undefined;
  const regions = useAlertRegions().data?.items;
  const save = useSaveAlert(undefined);
  if (fromReport && !report && reports.isPending) return <p>{t('app.loading')}</p>;
  return (
    <Page title={t('alerts.form.newTitle')} narrow>
      {report && (
        <Alert kind="info">
          {t('alerts.form.fromReport', { region: regionName(regions, report.region, i18n.language), substance: report.substance })}
        </Alert>
      )}
      <AlertForm
        key={report?.id ?? 'blank'}
        initial={newDraft(report)}
        submitLabel={t('alerts.form.publish')}
        pending={save.isPending}
        error={save.error}
        onSave={(draft) => save.mutate(toCreateBody(draft, report?.id), { onSuccess: (alert) => void navigate(`/alerts/${alert.id}`) })}
      />
    </Page>
  );
}

/** The alert team edits an alert: `/alerts/:id/edit`, offered where the alert's `can.edit` says so. */
export function EditAlertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const alert = useAlert(id);
  const save = useSaveAlert(id);
  if (!alert.data) return alert.error ? <AlertsNotFound /> : <p>{t('app.loading')}</p>;
  if (!alert.data.can.edit) return <AlertsNotFound />;
  return (
    <Page title={t('alerts.form.editTitle')} narrow>
      <AlertForm
        initial={draftOf(alert.data)}
        submitLabel={t('alerts.form.save')}
        pending={save.isPending}
        error={save.error}
        onSave={(draft) => save.mutate(toUpdateBody(draft), { onSuccess: () => void navigate(`/alerts/${id}`) })}
      />
    </Page>
  );
}
