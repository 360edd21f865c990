import { useState, type FormEvent } from 'react';
import type { AlertRegionDto } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { useAlertRegions } from '../api/alerts';
import { useSaveAlertRegions } from '../api/alert-team';
import './alerts.css';

/** Admins' list of the site's regions: another network's copy names its own (the default is Canada's 13). */
export function RegionsEditor() {
  const regions = useAlertRegions().data?.items;
  // Starts again from what the server holds whenever that changes (after a save, from its answer).
  return regions ? <RegionRows key={regions.map((r) => `${r.code}|${r.name}|${r.nameFr}`).join()} initial={regions} /> : null;
}

function RegionRows({ initial }: { initial: AlertRegionDto[] }) {
  const { t } = useTranslation();
  const save = useSaveAlertRegions();
  const [rows, setRows] = useState(initial);
  const change = (index: number, field: keyof AlertRegionDto, value: string) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(rows.map((row) => ({ code: row.code.trim().toUpperCase(), name: row.name.trim(), nameFr: row.nameFr.trim() })));
  };
  return (
    <section aria-labelledby="alert-regions-title">
      <h2 id="alert-regions-title">{t('alerts.regionsEditor.title')}</h2>
      <p>{t('alerts.regionsEditor.intro')}</p>
      <form onSubmit={submit}>
        {rows.map((row, index) => (
          <fieldset key={index} className="region-row">
            <legend>{t('alerts.regionsEditor.row', { number: index + 1 })}</legend>
            {(['code', 'name', 'nameFr'] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`region-${index}-${field}`}>{t(`alerts.regionsEditor.${field}`)}</label>
                <input
                  id={`region-${index}-${field}`}
                  required
                  maxLength={field === 'code' ? 16 : 80}
                  lang={field === 'nameFr' ? 'fr' : undefined}
                  value={row[field]}
                  onChange={(event) => change(index, field, event.target.value)}
                />
              </div>
            ))}
            <button type="button" className="button-small" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              {t('alerts.regionsEditor.remove', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        {save.isSuccess && <Alert kind="success">{t('alerts.settings.saved')}</Alert>}
        <div className="form-actions">
          <button type="button" onClick={() => setRows([...rows, { code: '', name: '', nameFr: '' }])}>
            {t('alerts.regionsEditor.add')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending || rows.length === 0}>
            {t('alerts.regionsEditor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
