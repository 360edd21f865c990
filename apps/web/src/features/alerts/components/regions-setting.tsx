import { useState, type FormEvent } from 'react';
import type { MeDto } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { regionName, useAlertRegions } from '../api/alerts';
import { useSetAlertRegions } from '../api/alert-settings';
import './alerts.css';

/** On the notification settings page: the regions whose alerts reach the member, and alerts on or off. */
export function AlertRegionsSetting() {
  const me = useMe().data;
  const save = useSetAlertRegions();
  // The choice starts again from what the server holds whenever that changes.
  return me ? <RegionsForm key={`${me.alertRegions.join()}|${me.alertsOff}`} me={me} save={save} /> : null;
}

function RegionsForm({ me, save }: { me: MeDto; save: ReturnType<typeof useSetAlertRegions> }) {
  const { t, i18n } = useTranslation();
  const regions = useAlertRegions().data?.items ?? [];
  const [chosen, setChosen] = useState(me.alertRegions);
  const [on, setOn] = useState(!me.alertsOff);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ regions: chosen, alertsOff: !on });
  };
  return (
    <section className="panel" aria-labelledby="alert-settings-title">
      <h2 id="alert-settings-title">{t('alerts.settings.title')}</h2>
      <p>{t('alerts.settings.intro')}</p>
      <form onSubmit={submit}>
        <div className="field checkbox">
          <input
            id="alerts-on"
            type="checkbox"
            checked={on}
            aria-describedby="alerts-on-hint"
            onChange={(event) => setOn(event.target.checked)}
          />
          <label htmlFor="alerts-on">{t('alerts.settings.on')}</label>
          <p id="alerts-on-hint" className="hint">
            {t('alerts.settings.onHint')}
          </p>
        </div>
        <fieldset disabled={!on}>
          <legend>{t('alerts.settings.regions')}</legend>
          <div className="region-choices">
            {regions.map((region) => (
              <div className="choice" key={region.code}>
                <input
                  id={`follow-${region.code}`}
                  type="checkbox"
                  checked={chosen.includes(region.code)}
                  onChange={(event) =>
                    setChosen(event.target.checked ? [...chosen, region.code] : chosen.filter((code) => code !== region.code))
                  }
                />
                <label htmlFor={`follow-${region.code}`}>{regionName(regions, region.code, i18n.language)}</label>
              </div>
            ))}
          </div>
          {chosen.length === 0 && <p className="field-hint">{t('alerts.settings.noneChosen')}</p>}
        </fieldset>
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        {save.isSuccess && <Alert kind="success">{t('alerts.settings.saved')}</Alert>}
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('alerts.settings.save')}
        </button>
      </form>
    </section>
  );
}
