import { useId } from 'react';
import { useTranslation } from '../../../i18n/use-translation';

type Key = 'discreet' | 'signOutOnQuickExit';

/** The member's discreet-mode choices, on their profile settings (saved with the rest of that form). */
export function DiscreetFields({
  discreet,
  signOutOnQuickExit,
  onChange,
}: {
  discreet: boolean;
  signOutOnQuickExit: boolean;
  onChange: (key: Key, value: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend>{t('discreetSettings.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('discreetSettings.hint')}
      </p>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={discreet}
            aria-describedby={`${id}-discreet`}
            onChange={(event) => onChange('discreet', event.target.checked)}
          />
          {t('discreetSettings.discreet')}
        </label>
        <p id={`${id}-discreet`} className="field-hint">
          {t('discreetSettings.discreetHint')}
        </p>
      </div>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={signOutOnQuickExit}
            aria-describedby={`${id}-sign-out`}
            onChange={(event) => onChange('signOutOnQuickExit', event.target.checked)}
          />
          {t('discreetSettings.signOut')}
        </label>
        <p id={`${id}-sign-out`} className="field-hint">
          {t('discreetSettings.signOutHint')}
        </p>
      </div>
    </fieldset>
  );
}
