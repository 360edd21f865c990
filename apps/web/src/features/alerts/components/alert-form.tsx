import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { regionName, useAlertRegions } from '../api/alerts';
import { ALERT_SEVERITIES, type AlertSeverity, type CreateAlertBody, type UpdateAlertBody } from '@harbour/contracts';
import { SeverityBadge } from './severity-badge';

/** The form's words as typed: the optional ones empty rather than absent, the expiry a day (`YYYY-MM-DD`). */
export interface AlertDraft {
  title: string;
  titleFr: string;
  body: string;
  bodyFr: string;
  substance: string;
  appearance: string;
  testResult: string;
  severity: AlertSeverity;
  regions: string[];
  expiresOn: string;
}

/** A day as the date input writes it, in the writer's own time zone. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The alert is in effect until the end of the chosen day, in the writer's time zone. */
function endOfDay(day: string): string {
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) ? day : end.toISOString();
}

/** A new alert: the optional fields left empty are left out. */
export function toCreateBody(draft: AlertDraft, fromReportId: string | undefined): CreateAlertBody {
  const { titleFr, bodyFr, appearance, testResult, ...rest } = toUpdateBody(draft);
  return {
    ...rest,
    ...(titleFr ? { titleFr } : {}),
    ...(bodyFr ? { bodyFr } : {}),
    ...(appearance ? { appearance } : {}),
    ...(testResult ? { testResult } : {}),
    ...(fromReportId ? { fromReportId } : {}),
  };
}

/** An edit sends every field: an optional one emptied is `null`, which removes it. */
export function toUpdateBody(draft: AlertDraft): Required<UpdateAlertBody> {
  const optional = (value: string) => value.trim() || null;
  return {
    title: draft.title,
    titleFr: optional(draft.titleFr),
    body: draft.body,
    bodyFr: optional(draft.bodyFr),
    substance: draft.substance,
    appearance: optional(draft.appearance),
    testResult: optional(draft.testResult),
    severity: draft.severity,
    regions: draft.regions,
    expiresAt: endOfDay(draft.expiresOn),
  };
}

/** Every field of an alert: the words in English and French, what it is, how bad, where, until when. */
export function AlertForm(props: {
  initial: AlertDraft;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSave: (draft: AlertDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const regions = useAlertRegions().data?.items ?? [];
  const [draft, setDraft] = useState(props.initial);
  const [noRegion, setNoRegion] = useState(false);
  const set = (change: Partial<AlertDraft>) => setDraft({ ...draft, ...change });
  const field = (name: string) => (props.error instanceof ApiError ? props.error.forField(name).join(' ') || undefined : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNoRegion(draft.regions.length === 0);
    if (draft.regions.length > 0) props.onSave(draft);
  };
  const regionsError = noRegion ? t('alerts.form.regionsRequired') : field('regions');
  const text = (name: 'title' | 'substance' | 'appearance' | 'testResult', required: boolean, maxLength: number) => (
    <TextField
      label={t(`alerts.form.${name}`)}
      hint={name === 'title' ? undefined : t(`alerts.form.${name}Hint`)}
      required={required}
      maxLength={maxLength}
      value={draft[name]}
      error={field(name)}
      onChange={(event) => set({ [name]: event.target.value })}
    />
  );
  return (
    <form onSubmit={submit}>
      {text('title', true, 200)}
      {text('substance', true, 200)}
      {text('appearance', false, 1000)}
      {text('testResult', false, 1000)}
      <Area
        id="alert-body"
        label={t('alerts.form.body')}
        hint={t('alerts.form.bodyHint')}
        required
        value={draft.body}
        error={field('body')}
        onChange={(body) => set({ body })}
      />
      <fieldset>
        <legend>{t('alerts.form.french')}</legend>
        <p className="field-hint">{t('alerts.form.frenchHint')}</p>
        <TextField
          label={t('alerts.form.titleFr')}
          lang="fr"
          maxLength={200}
          value={draft.titleFr}
          error={field('titleFr')}
          onChange={(event) => set({ titleFr: event.target.value })}
        />
        <Area
          id="alert-body-fr"
          label={t('alerts.form.bodyFr')}
          lang="fr"
          value={draft.bodyFr}
          error={field('bodyFr')}
          onChange={(bodyFr) => set({ bodyFr })}
        />
      </fieldset>
      <fieldset className="severity-choices">
        <legend>{t('alerts.form.severity')}</legend>
        {ALERT_SEVERITIES.map((severity) => (
          <div className="choice" key={severity}>
            <input
              id={`alert-severity-${severity}`}
              type="radio"
              name="severity"
              checked={draft.severity === severity}
              onChange={() => set({ severity })}
            />
            <label htmlFor={`alert-severity-${severity}`}>
              <SeverityBadge severity={severity} />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby="alert-regions-hint" aria-invalid={regionsError ? true : undefined}>
        <legend>{t('alerts.form.regions')}</legend>
        <p id="alert-regions-hint" className="field-hint">
          {t('alerts.form.regionsHint')}
        </p>
        <div className="region-choices">
          {regions.map((region) => (
            <div className="choice" key={region.code}>
              <input
                id={`alert-region-${region.code}`}
                type="checkbox"
                checked={draft.regions.includes(region.code)}
                onChange={(event) =>
                  set({
                    regions: event.target.checked ? [...draft.regions, region.code] : draft.regions.filter((code) => code !== region.code),
                  })
                }
              />
              <label htmlFor={`alert-region-${region.code}`}>{regionName(regions, region.code, i18n.language)}</label>
            </div>
          ))}
        </div>
        {regionsError && <p className="field-error">{regionsError}</p>}
      </fieldset>
      <TextField
        label={t('alerts.form.expiresAt')}
        hint={t('alerts.form.expiresAtHint')}
        type="date"
        required
        min={dayOf(new Date())}
        value={draft.expiresOn}
        error={field('expiresAt')}
        onChange={(event) => set({ expiresOn: event.target.value })}
      />
      {props.error && <Alert kind="error">{props.error.message}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function Area(props: {
  id: string;
  label: string;
  hint?: string;
  lang?: string;
  required?: boolean;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const described =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      <textarea
        id={props.id}
        lang={props.lang}
        rows={6}
        maxLength={10_000}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
