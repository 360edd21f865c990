import { useId } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { useSetLogo } from '../api/site-logo';

/** The site's logo: shown when there is one, replaced by choosing a file (sent at once), or removed. */
export function LogoField({ logoUrl }: { logoUrl: string | null }) {
  const { t } = useTranslation();
  const setLogo = useSetLogo();
  const id = useId();
  return (
    <div className="field logo-field">
      <label htmlFor={id}>{t('setup.identity.logo')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('setup.identity.logoHint')}
      </p>
      {logoUrl && <img src={logoUrl} alt={t('setup.identity.logoAlt')} className="logo-preview" />}
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        aria-describedby={`${id}-hint`}
        disabled={setLogo.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) setLogo.mutate(file);
          event.target.value = '';
        }}
      />
      {logoUrl && (
        <button type="button" className="link-button" disabled={setLogo.isPending} onClick={() => setLogo.mutate(null)}>
          {t('setup.identity.logoRemove')}
        </button>
      )}
      {setLogo.isError && <Alert kind="error">{t('setup.identity.logoFailed')}</Alert>}
    </div>
  );
}
