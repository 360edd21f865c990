import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { CreatedSiteInvitationDto, Locale } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useCreateInvitation, useInvitations } from '../api/invitations';

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'fr' ? 'fr' : 'en');
  const [uses, setUses] = useState('1');
  const [days, setDays] = useState('14');
  const [created, setCreated] = useState<CreatedSiteInvitationDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const many = Number(uses) > 1;
      // An event's link (several accounts) is shared by hand; a mailed link opens one account.
      setCreated(
        await create.mutateAsync({
          email: many ? undefined : email.trim() || undefined,
          locale,
          uses: Number(uses),
          validDays: Number(days),
        }),
      );
      setEmail('');
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 400 ? t('auth.errors.email') : t('auth.errors.generic'));
    }
  };

  return (
    <Page title={t('admin.invitationsTitle')}>
      <p>{t('admin.invitationsIntro')}</p>
      <form onSubmit={(event) => void invite(event)} noValidate className="page-narrow">
        <TextField
          label={t('admin.inviteEmail')}
          hint={t('admin.inviteEmailHint')}
          type="email"
          value={email}
          error={error ?? undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('setup.invitations.uses')}
          hint={t('setup.invitations.usesHint')}
          type="number"
          min={1}
          max={1000}
          value={uses}
          onChange={(e) => setUses(e.target.value)}
        />
        <TextField
          label={t('setup.invitations.days')}
          type="number"
          min={1}
          max={90}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
        <div className="field">
          <label htmlFor="invitation-locale">{t('admin.inviteLanguage')}</label>
          <select id="invitation-locale" value={locale} onChange={(e) => setLocale(e.target.value === 'fr' ? 'fr' : 'en')}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t('admin.inviteSubmit')}
        </button>
      </form>
      {created && (
        <Alert kind="success">
          <p>{t('admin.inviteCreated')}</p>
          <label htmlFor="invitation-link">{t('admin.inviteLink')}</label>
          <input id="invitation-link" readOnly value={created.link} onFocus={(e) => e.target.select()} className="full-width" />
        </Alert>
      )}
      <h2>{t('admin.invitationsSent')}</h2>
      {invitations.data?.items.length === 0 && <p>{t('admin.noInvitations')}</p>}
      <ul className="plain-list">
        {invitations.data?.items.map((invitation) => (
          <li key={invitation.id}>
            {invitation.email ?? t('admin.inviteByLink')} ·{' '}
            {invitation.uses > 1 && <>{t('setup.invitations.usedCount', { used: invitation.usedCount, uses: invitation.uses })} · </>}
            {invitation.usedAt
              ? t('admin.inviteUsed', { date: new Date(invitation.usedAt).toLocaleDateString(i18n.language) })
              : t('admin.inviteExpires', { date: new Date(invitation.expiresAt).toLocaleDateString(i18n.language) })}
          </li>
        ))}
      </ul>
    </Page>
  );
}
