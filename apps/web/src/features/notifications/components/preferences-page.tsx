import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { DIGEST_FREQUENCIES, NOTIFICATION_DELIVERIES, NOTIFICATION_TYPES, type NotificationPreferencesDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { usePreferences, useUpdatePreferences } from '../api/notifications';
import { notificationTypeName } from './notification-text';

/**
 * Per type: in the app, by email, both or not at all; a digest; discreet emails for shared devices; whether
 * pushes say more than "New activity" (this device's push switch is composed in by app/, with the other sections).
 * `children`: sections other features add below (app/ composes the mailing subscription in).
 */
export function PreferencesPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const update = useUpdatePreferences();
  const [draft, setDraft] = useState<NotificationPreferencesDto | null>(null);
  // The draft starts again from what the server holds whenever that changes (adjusted while rendering).
  const [loaded, setLoaded] = useState<NotificationPreferencesDto | undefined>(undefined);
  if (preferences.data !== loaded) {
    setLoaded(preferences.data);
    if (preferences.data) setDraft(preferences.data);
  }
  if (!draft) return <p>{t('app.loading')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(draft);
  };
  return (
    <Page title={t('notifications.preferencesTitle')} narrow>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('notifications.deliveryLegend')}</legend>
          {NOTIFICATION_TYPES.map((type) => (
            <div className="field" key={type}>
              <label htmlFor={`delivery-${type}`}>{notificationTypeName(t, type)}</label>
              <select
                id={`delivery-${type}`}
                value={draft.deliveries[type]}
                onChange={(event) =>
                  setDraft({ ...draft, deliveries: { ...draft.deliveries, [type]: event.target.value as typeof draft.deliveries.reply } })
                }
              >
                {NOTIFICATION_DELIVERIES.map((delivery) => (
                  <option key={delivery} value={delivery}>
                    {t(`notifications.deliveries.${delivery}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="digest">{t('notifications.digest')}</label>
          <select
            id="digest"
            value={draft.digest}
            onChange={(event) => setDraft({ ...draft, digest: event.target.value as typeof draft.digest })}
          >
            {DIGEST_FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`notifications.digests.${frequency}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id="discreet"
            type="checkbox"
            checked={draft.discreetEmails}
            aria-describedby="discreet-hint"
            onChange={(event) => setDraft({ ...draft, discreetEmails: event.target.checked })}
          />
          <label htmlFor="discreet">{t('notifications.discreet')}</label>
          <p id="discreet-hint" className="hint">
            {t('notifications.discreetHint')}
          </p>
        </div>
        <div className="field checkbox">
          <input
            id="push-details"
            type="checkbox"
            checked={draft.pushDetails}
            aria-describedby="push-details-hint"
            onChange={(event) => setDraft({ ...draft, pushDetails: event.target.checked })}
          />
          <label htmlFor="push-details">{t('push.details')}</label>
          <p id="push-details-hint" className="hint">
            {t('push.detailsHint')}
          </p>
        </div>
        <p className="hint">{t('notifications.delayHint')}</p>
        <button type="submit" disabled={update.isPending}>
          {t('notifications.save')}
        </button>
        {update.isSuccess && <Alert kind="success">{t('notifications.saved')}</Alert>}
        {update.isError && <Alert kind="error">{update.error.message}</Alert>}
      </form>
      {children}
    </Page>
  );
}
