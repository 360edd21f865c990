import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useNavigate } from 'react-router';
import type { SettingsDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useSaveSetup, useSetupSettings } from '../api/setup';
import { FirstMembersStep } from './first-members-step';
import { IdentityStep, MailStep, RegistrationStep } from './setup-steps';
import { StarterCategoriesStep } from './starter-categories-step';

const STEPS = ['identity', 'registration', 'mail', 'categories', 'members'] as const;
type Step = (typeof STEPS)[number];

/** What each step is given: the settings as saved, and how to go on (after saving, or not). */
export interface StepProps {
  settings: SettingsDto;
  onNext: () => void;
}

/**
 * The first admin's walk-through (issue 19): identity, who may join, mailings, starter categories, first members.
 * Each step saves on its own, so leaving halfway keeps what was chosen; finishing marks the site set up.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSetupSettings();
  const save = useSaveSetup();
  const [index, setIndex] = useState(0);
  const step: Step = STEPS[index] ?? 'identity';
  if (!settings.data)
    return <Page title={t('setup.title')}>{settings.isError ? <Alert kind="error">{t('setup.failed')}</Alert> : t('app.loading')}</Page>;

  const last = index === STEPS.length - 1;
  const onNext = () => {
    if (!last) return setIndex(index + 1);
    save.mutate({ setupDone: true }, { onSuccess: () => void navigate('/', { state: { setupDone: true } }) });
  };
  const props: StepProps = { settings: settings.data, onNext };
  return (
    <Page title={t('setup.title')} narrow>
      <p>{t('setup.intro')}</p>
      <p className="muted" aria-live="polite">
        {t('setup.step', { current: index + 1, total: STEPS.length })}
      </p>
      <section aria-labelledby="setup-step-title" className="panel setup-step">
        {step === 'identity' && <IdentityStep {...props} />}
        {step === 'registration' && <RegistrationStep {...props} />}
        {step === 'mail' && <MailStep {...props} />}
        {step === 'categories' && <StarterCategoriesStep {...props} />}
        {step === 'members' && <FirstMembersStep {...props} />}
      </section>
      <div className="form-actions">
        {index > 0 && (
          <button type="button" onClick={() => setIndex(index - 1)}>
            {t('setup.back')}
          </button>
        )}
        <button type="button" className="link-button" onClick={onNext} disabled={save.isPending}>
          {last ? t('setup.finish') : t('setup.skip')}
        </button>
      </div>
      {save.isError && <Alert kind="error">{t('setup.failed')}</Alert>}
    </Page>
  );
}
