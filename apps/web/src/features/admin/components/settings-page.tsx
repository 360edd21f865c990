import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { LOCALES, REGISTRATION_MODES, type RateLimitsDto, type SettingsDto, type UpdateSettingsBody } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { LogoField } from '../../shared/components/logo-field';
import { useSettings, useUpdateSettings } from '../api/settings';

/** What a save sends: every setting but the logo's address (the logo is sent on its own, as a file). */
function patchOf({ logoUrl, ...patch }: SettingsDto): UpdateSettingsBody {
  void logoUrl;
  return patch;
}

const LIMIT_KEYS: (keyof RateLimitsDto)[] = [
  'postsPerMinute',
  'topicsPerDay',
  'flagsPerDay',
  'registrationsPerHourPerIp',
  'loginAttemptsPerHourPerIp',
];

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const me = useMe();
  const [draft, setDraft] = useState<SettingsDto | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [quickExitError, setQuickExitError] = useState<string | undefined>(undefined);

  // The draft starts again from what the server holds whenever that changes (first load, after a save):
  // adjusted while rendering, as React advises, rather than in an effect that would render twice.
  const [loaded, setLoaded] = useState<SettingsDto | undefined>(undefined);
  if (settings.data !== loaded) {
    setLoaded(settings.data);
    if (settings.data) setDraft(settings.data);
  }

  if (!draft) return <Page title={t('admin.settingsTitle')}>{t('app.loading')}</Page>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setQuickExitError(undefined);
    try {
      await update.mutateAsync(patchOf(draft));
      setMessage({ kind: 'success', text: t('admin.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.messages.join(' ') : t('auth.errors.generic') });
      if (error instanceof ApiError && error.forField('quickExitUrl').length > 0)
        setQuickExitError(error.forField('quickExitUrl').join(' '));
    }
  };

  return (
    <Page title={t('admin.settingsTitle')} narrow>
      <p>
        <Link to="/setup">{t('setup.again')}</Link>
      </p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        <TextField
          label={t('admin.siteName')}
          value={draft.siteName}
          maxLength={80}
          onChange={(e) => setDraft({ ...draft, siteName: e.target.value })}
        />
        <div className="field">
          <label htmlFor="site-description">{t('setup.identity.description')}</label>
          <p id="site-description-hint" className="field-hint">
            {t('setup.identity.descriptionHint')}
          </p>
          <textarea
            id="site-description"
            aria-describedby="site-description-hint"
            maxLength={500}
            rows={3}
            value={draft.siteDescription}
            onChange={(e) => setDraft({ ...draft, siteDescription: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="site-language">{t('setup.identity.language')}</label>
          <select
            id="site-language"
            value={draft.defaultLocale}
            onChange={(e) => setDraft({ ...draft, defaultLocale: e.target.value === 'fr' ? 'fr' : 'en' })}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {locale === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </div>
        <LogoField logoUrl={settings.data?.logoUrl ?? null} />
        <fieldset>
          <legend>{t('admin.registrationMode')}</legend>
          {REGISTRATION_MODES.map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name="registrationMode"
                value={mode}
                checked={draft.registrationMode === mode}
                onChange={() => setDraft({ ...draft, registrationMode: mode })}
              />
              {t(`admin.modes.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.emailVerification === 'required'}
              aria-describedby="email-verification-hint"
              onChange={(e) => setDraft({ ...draft, emailVerification: e.target.checked ? 'required' : 'off' })}
            />
            {t('selfService.admin.emailVerification')}
          </label>
          <p id="email-verification-hint" className="field-hint">
            {t('selfService.admin.emailVerificationHint')}
          </p>
        </div>
        <label className="choice">
          <input type="checkbox" checked={draft.loginRequired} onChange={(e) => setDraft({ ...draft, loginRequired: e.target.checked })} />
          {t('admin.loginRequired')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.groupCreation === 'admins'}
            onChange={(e) => setDraft({ ...draft, groupCreation: e.target.checked ? 'admins' : 'members' })}
          />
          {t('admin.groupCreationAdminsOnly')}
        </label>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.staffTwoFactor}
              // Requiring it without having it would close this page to the admin saving it.
              disabled={!draft.staffTwoFactor && me.data?.twoFactor !== true}
              aria-describedby="staff-two-factor-hint"
              onChange={(e) => setDraft({ ...draft, staffTwoFactor: e.target.checked })}
            />
            {t('twoFactor.staff.setting')}
          </label>
          <p id="staff-two-factor-hint" className="field-hint">
            {t('twoFactor.staff.settingHint')}
          </p>
        </div>
        <TextField
          label={t('admin.newMemberReviewPosts')}
          type="number"
          min={0}
          max={50}
          value={String(draft.newMemberReviewPosts)}
          onChange={(e) => setDraft({ ...draft, newMemberReviewPosts: Number(e.target.value) })}
        />
        <fieldset>
          <legend>{t('admin.mailingSender')}</legend>
          <TextField
            label={t('admin.mailingSenderName')}
            hint={t('admin.mailingSenderNameHint')}
            maxLength={120}
            value={draft.mailingSenderName}
            onChange={(e) => setDraft({ ...draft, mailingSenderName: e.target.value })}
          />
          <TextField
            label={t('admin.mailingAddress')}
            hint={t('admin.mailingAddressHint')}
            maxLength={300}
            value={draft.mailingAddress}
            onChange={(e) => setDraft({ ...draft, mailingAddress: e.target.value })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('admin.rateLimits')}</legend>
          {LIMIT_KEYS.map((key) => (
            <TextField
              key={key}
              label={t(`admin.limits.${key}`)}
              type="number"
              min={0}
              value={String(draft.rateLimits[key])}
              onChange={(e) => setDraft({ ...draft, rateLimits: { ...draft.rateLimits, [key]: Number(e.target.value) } })}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('uploads.admin.legend')}</legend>
          <TextField
            label={t('uploads.admin.uploadMaxMb')}
            type="number"
            min={1}
            max={100}
            value={String(draft.uploadMaxMb)}
            onChange={(e) => setDraft({ ...draft, uploadMaxMb: Number(e.target.value) })}
          />
          <TextField
            label={t('uploads.admin.uploadQuotaMb')}
            type="number"
            min={0}
            value={String(draft.uploadQuotaMb)}
            onChange={(e) => setDraft({ ...draft, uploadQuotaMb: Number(e.target.value) })}
          />
          <TextField
            label={t('uploads.admin.uploadsPerHour')}
            type="number"
            min={0}
            value={String(draft.rateLimits.uploadsPerHour)}
            onChange={(e) => setDraft({ ...draft, rateLimits: { ...draft.rateLimits, uploadsPerHour: Number(e.target.value) } })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('discreetSettings.adminLegend')}</legend>
          <TextField
            label={t('discreetSettings.quickExitUrl')}
            hint={t('discreetSettings.quickExitUrlHint')}
            type="url"
            maxLength={500}
            value={draft.quickExitUrl}
            error={quickExitError}
            onChange={(e) => setDraft({ ...draft, quickExitUrl: e.target.value })}
          />
        </fieldset>
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {t('admin.save')}
        </button>
      </form>
    </Page>
  );
}
