import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CreateAlertReportBody } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { regionName, useAlertRegions } from '../api/alerts';
import { useSendReport } from '../api/reports';
import './alerts.css';

const BLANK = { region: '', substance: '', description: '', contact: '' };

/** Anyone tells the alert team about a bad batch: no account, and nothing about them kept but their words. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const regions = useAlertRegions().data?.items ?? [];
  const send = useSendReport();
  const [report, setReport] = useState(BLANK);
  const field = (name: string) => (send.error instanceof ApiError ? send.error.forField(name).join(' ') || undefined : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateAlertReportBody = { region: report.region, substance: report.substance, description: report.description };
    if (report.contact.trim()) body.contact = report.contact.trim();
    send.mutate(body, { onSuccess: () => setReport(BLANK) });
  };
  if (send.isSuccess) {
    return (
      <Page title={t('alerts.report.title')} narrow>
        <Alert kind="success">{t('alerts.report.sent')}</Alert>
        <div className="form-actions">
          <button type="button" onClick={() => send.reset()}>
            {t('alerts.report.another')}
          </button>
          <Link to="/alerts">{t('alerts.back')}</Link>
        </div>
      </Page>
    );
  }
  return (
    <Page title={t('alerts.report.title')} narrow>
      <p>{t('alerts.report.intro')}</p>
      <p>
        <strong>{t('alerts.report.privacy')}</strong>
      </p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="report-region">{t('alerts.report.region')}</label>
          <select
            id="report-region"
            required
            value={report.region}
            aria-invalid={field('region') ? true : undefined}
            onChange={(event) => setReport({ ...report, region: event.target.value })}
          >
            <option value="" disabled>
              {t('alerts.report.chooseRegion')}
            </option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {regionName(regions, region.code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('alerts.report.substance')}
          hint={t('alerts.report.substanceHint')}
          required
          maxLength={200}
          value={report.substance}
          error={field('substance')}
          onChange={(event) => setReport({ ...report, substance: event.target.value })}
        />
        <div className="field">
          <label htmlFor="report-description">{t('alerts.report.description')}</label>
          <p id="report-description-hint" className="field-hint">
            {t('alerts.report.descriptionHint')}
          </p>
          <textarea
            id="report-description"
            required
            rows={6}
            maxLength={4000}
            aria-describedby="report-description-hint"
            value={report.description}
            onChange={(event) => setReport({ ...report, description: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="report-contact">{t('alerts.report.contact')}</label>
          <p id="report-contact-warning" className="field-hint report-contact-warning">
            {t('alerts.report.contactWarning')}
          </p>
          <input
            id="report-contact"
            maxLength={300}
            autoComplete="off"
            aria-describedby="report-contact-warning"
            value={report.contact}
            onChange={(event) => setReport({ ...report, contact: event.target.value })}
          />
        </div>
        {send.error && <Alert kind="error">{send.error.message}</Alert>}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={send.isPending}>
            {t('alerts.report.send')}
          </button>
        </div>
      </form>
    </Page>
  );
}
