import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { MESSAGES_FROM, type MeDto, type UpdateMeBody } from '@harbour/contracts';
import { LANGUAGES, setLanguage } from '../../../i18n/index';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { DiscreetFields } from './discreet-fields';
import { AvatarField } from '../../shared/components/avatar-field';
import { useUpdateMe } from '../api/account';

/*
 * `messagesFrom` is offered since private conversations exist (issue 16); discreet mode and signing out on the
 * quick exit since they do what they say (issue 20: neutral tab, neutral mail and push, the quick exit).
 */
type Draft = Required<
  Pick<UpdateMeBody, 'displayName' | 'pronouns' | 'bio' | 'locale' | 'messagesFrom' | 'discreet' | 'signOutOnQuickExit'>
>;
const FIELDS = ['displayName', 'pronouns', 'bio'] as const;

const draftOf = (me: MeDto): Draft => ({
  displayName: me.displayName,
  pronouns: me.pronouns,
  bio: me.bio,
  locale: me.locale,
  messagesFrom: me.messagesFrom,
  discreet: me.discreet,
  signOutOnQuickExit: me.signOutOnQuickExit,
});

/** /settings/profile: the picture, what others see of the member, and their own preferences. */
export function ProfileSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('selfService.profileTitle')} narrow>
      {me.data ? <ProfileForm me={me.data} /> : t('app.loading')}
    </Page>
  );
}

function ProfileForm({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateMe();
  const [draft, setDraft] = useState<Draft>(() => draftOf(me));
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    // Only what changed is sent: a silenced member may still change their own settings.
    const changes = Object.fromEntries(Object.entries(draft).filter(([key, value]) => draftOf(me)[key as keyof Draft] !== value));
    try {
      await update.mutateAsync(changes);
      if (changes.locale === 'en' || changes.locale === 'fr') setLanguage(changes.locale);
      setMessage({ kind: 'success', text: t('selfService.profile.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setErrors(Object.fromEntries(FIELDS.filter((f) => error.forField(f).length > 0).map((f) => [f, error.forField(f).join(' ')])));
      }
      const silenced = error instanceof ApiError && error.status === 403;
      setMessage({ kind: 'error', text: t(silenced ? 'selfService.profile.silenced' : 'selfService.failed') });
    }
  };

  return (
    <>
      <AvatarField me={me} />
      <form onSubmit={(event) => void save(event)} noValidate>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
        <TextField
          label={t('selfService.profile.displayName')}
          hint={t('selfService.profile.displayNameHint')}
          maxLength={60}
          value={draft.displayName}
          error={errors.displayName}
          onChange={(e) => set('displayName', e.target.value)}
        />
        <TextField
          label={t('selfService.profile.pronouns')}
          hint={t('selfService.profile.pronounsHint')}
          maxLength={40}
          value={draft.pronouns}
          error={errors.pronouns}
          onChange={(e) => set('pronouns', e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-bio`}>{t('selfService.profile.bio')}</label>
          <p id={`${id}-bio-hint`} className="field-hint">
            {t('selfService.profile.bioHint')}
          </p>
          <textarea
            id={`${id}-bio`}
            rows={4}
            maxLength={1000}
            value={draft.bio}
            aria-describedby={errors.bio ? `${id}-bio-hint ${id}-bio-error` : `${id}-bio-hint`}
            aria-invalid={errors.bio ? true : undefined}
            // The bio is one paragraph (the API refuses line breaks): a line break becomes a space rather than
            // a refusal, and the hint above says so.
            onChange={(e) => set('bio', e.target.value.replace(/[\r\n]+/g, ' '))}
          />
          {errors.bio && (
            <p id={`${id}-bio-error`} className="field-error">
              {errors.bio}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('selfService.profile.language')}</label>
          <select id={`${id}-locale`} value={draft.locale} onChange={(e) => set('locale', e.target.value === 'fr' ? 'fr' : 'en')}>
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset aria-describedby={`${id}-messages-hint`}>
          <legend>{t('conversations.settings.legend')}</legend>
          <p id={`${id}-messages-hint`} className="field-hint">
            {t('conversations.settings.hint')}
          </p>
          {MESSAGES_FROM.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="messagesFrom"
                value={value}
                checked={draft.messagesFrom === value}
                onChange={() => set('messagesFrom', value)}
              />
              {t(`conversations.settings.${value}`)}
            </label>
          ))}
        </fieldset>
        <DiscreetFields
          discreet={draft.discreet}
          signOutOnQuickExit={draft.signOutOnQuickExit}
          onChange={(key, value) => set(key, value)}
        />
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {t('selfService.profile.save')}
        </button>
      </form>
    </>
  );
}
