import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { LOCALES, REGISTRATION_MODES, type UpdateSettingsBody } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { LogoField } from '../../shared/components/logo-field';
import { useSaveSetup } from '../api/setup';
import type { StepProps } from './setup-page';

const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const;

/** A step's form: its title, its fields, and "Save and continue", which saves the patch then moves on. */
function StepForm({
  title,
  patch,
  onNext,
  children,
}: {
  title: string;
  patch: UpdateSettingsBody;
  onNext: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const save = useSaveSetup();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(patch, { onSuccess: onNext });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="setup-step-title">{title}</h2>
      {children}
      {save.isError && (
        <Alert kind="error">
          {save.error instanceof ApiError && save.error.status === 400 ? save.error.messages.join(' ') : t('setup.failed')}
        </Alert>
      )}
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t('setup.next')}
      </button>
    </form>
  );
}

export function IdentityStep({ settings, onNext }: StepProps) {
  const { t } = useTranslation();
  const [siteName, setSiteName] = useState(settings.siteName);
  const [siteDescription, setSiteDescription] = useState(settings.siteDescription);
  const [defaultLocale, setDefaultLocale] = useState(settings.defaultLocale);
  return (
    <StepForm
      title={t('setup.identity.title')}
      patch={{ siteName: siteName.trim(), siteDescription: siteDescription.trim(), defaultLocale }}
      onNext={onNext}
    >
      <TextField
        label={t('setup.identity.name')}
        hint={t('setup.identity.nameHint')}
        value={siteName}
        maxLength={80}
        required
        onChange={(e) => setSiteName(e.target.value)}
      />
      <div className="field">
        <label htmlFor="setup-description">{t('setup.identity.description')}</label>
        <p id="setup-description-hint" className="field-hint">
          {t('setup.identity.descriptionHint')}
        </p>
        <textarea
          id="setup-description"
          aria-describedby="setup-description-hint"
          maxLength={500}
          rows={3}
          value={siteDescription}
          onChange={(e) => setSiteDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="setup-language">{t('setup.identity.language')}</label>
        <p id="setup-language-hint" className="field-hint">
          {t('setup.identity.languageHint')}
        </p>
        <select
          id="setup-language"
          aria-describedby="setup-language-hint"
          value={defaultLocale}
          onChange={(e) => setDefaultLocale(e.target.value === 'fr' ? 'fr' : 'en')}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </select>
      </div>
      <LogoField logoUrl={settings.logoUrl} />
    </StepForm>
  );
}

export function RegistrationStep({ settings, onNext }: StepProps) {
  const { t } = useTranslation();
  const [registrationMode, setMode] = useState(settings.registrationMode);
  const [loginRequired, setLoginRequired] = useState(settings.loginRequired);
  const [verify, setVerify] = useState(settings.emailVerification === 'required');
  const patch: UpdateSettingsBody = { registrationMode, loginRequired, emailVerification: verify ? 'required' : 'off' };
  return (
    <StepForm title={t('setup.registration.title')} patch={patch} onNext={onNext}>
      <fieldset>
        <legend>{t('setup.registration.legend')}</legend>
        {REGISTRATION_MODES.map((mode) => (
          <div key={mode} className="choice-with-help">
            <label className="choice">
              <input
                type="radio"
                name="setup-registration"
                value={mode}
                checked={registrationMode === mode}
                aria-describedby={`setup-mode-${mode}`}
                onChange={() => setMode(mode)}
              />
              {t(`setup.registration.${mode}`)}
            </label>
            <p id={`setup-mode-${mode}`} className="field-hint">
              {t(`setup.registration.${mode}Help`)}
            </p>
          </div>
        ))}
      </fieldset>
      <Check
        id="setup-login-required"
        checked={loginRequired}
        onChange={setLoginRequired}
        label={t('setup.registration.loginRequired')}
        help={t('setup.registration.loginRequiredHelp')}
      />
      <Check
        id="setup-verify"
        checked={verify}
        onChange={setVerify}
        label={t('setup.registration.emailVerification')}
        help={t('setup.registration.emailVerificationHelp')}
      />
    </StepForm>
  );
}

function Check({
  id,
  checked,
  onChange,
  label,
  help,
}: {
  id: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  label: string;
  help: string;
}) {
  return (
    <div className="field">
      <label className="choice">
        <input type="checkbox" checked={checked} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      <p id={`${id}-help`} className="field-hint">
        {help}
      </p>
    </div>
  );
}

export function MailStep({ settings, onNext }: StepProps) {
  const { t } = useTranslation();
  const [mailingSenderName, setName] = useState(settings.mailingSenderName);
  const [mailingAddress, setAddress] = useState(settings.mailingAddress);
  return (
    <StepForm
      title={t('setup.mail.title')}
      patch={{ mailingSenderName: mailingSenderName.trim(), mailingAddress: mailingAddress.trim() }}
      onNext={onNext}
    >
      <p>{t('setup.mail.intro')}</p>
      <TextField
        label={t('admin.mailingSenderName')}
        hint={t('admin.mailingSenderNameHint')}
        maxLength={120}
        value={mailingSenderName}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label={t('admin.mailingAddress')}
        hint={t('admin.mailingAddressHint')}
        maxLength={300}
        value={mailingAddress}
        onChange={(e) => setAddress(e.target.value)}
      />
    </StepForm>
  );
}
