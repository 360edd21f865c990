import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { LoginBody } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useLogin } from '../api/login';
import { isKeptOut, SignInAppeal } from './sign-in-appeal';

/**
 * Sign-in's second step, when the password was right and the account uses two-factor: a code from the app, or
 * one of the recovery codes. The password stays in memory only for this step.
 */
export function TwoFactorStep({ credentials, onSignedIn, onBack }: { credentials: LoginBody; onSignedIn: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ field: boolean; message: string } | null>(null);
  // Refused as suspended or banned once the code was right: the appeal opens here, as on the first step.
  const [keptOut, setKeptOut] = useState(false);
  const input = useRef<HTMLDivElement>(null);

  // The field is what the member came here for: focus it on arrival, on switching modes and after a refusal.
  useEffect(() => input.current?.querySelector('input')?.focus(), [recovery, error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = recovery ? code.trim() : code.replace(/\s/g, '');
    const shape = recovery ? /^[0-9A-Za-z]{5}[- ]?[0-9A-Za-z]{5}$/ : /^\d{6}$/;
    if (!shape.test(typed)) {
      setError({ field: true, message: recovery ? t('twoFactor.errors.codeOrRecovery') : t('twoFactor.errors.code') });
      return;
    }
    try {
      await login.mutateAsync({ ...credentials, totp: typed });
      onSignedIn();
    } catch (failure) {
      if (failure instanceof ApiError && failure.totpRequired) setError({ field: true, message: t('twoFactor.signIn.wrong') });
      else if (failure instanceof ApiError && failure.status === 429)
        setError({ field: false, message: t('twoFactor.errors.rateLimited') });
      else setError({ field: false, message: failure instanceof ApiError ? failure.messages.join(' ') : t('twoFactor.errors.generic') });
      setKeptOut(isKeptOut(failure));
    }
  };

  const switchMode = () => {
    setRecovery(!recovery);
    setCode('');
    setError(null);
  };

  return (
    <Page title={t('twoFactor.signIn.title')} narrow>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error && !error.field && <Alert kind="error">{error.message}</Alert>}
        <p>{recovery ? t('twoFactor.signIn.recoveryHelp') : t('twoFactor.signIn.help')}</p>
        <div ref={input}>
          <TextField
            key={recovery ? 'recovery' : 'app'}
            label={recovery ? t('twoFactor.signIn.recoveryCode') : t('twoFactor.signIn.code')}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={recovery ? 20 : 7}
            value={code}
            error={error?.field ? error.message : undefined}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={login.isPending}>
            {t('twoFactor.signIn.submit')}
          </button>
          <button type="button" onClick={onBack}>
            {t('twoFactor.signIn.back')}
          </button>
        </div>
      </form>
      {keptOut && <SignInAppeal credentials={credentials} />}
      <p>
        <button type="button" className="link-button" onClick={switchMode}>
          {recovery ? t('twoFactor.signIn.useApp') : t('twoFactor.signIn.useRecovery')}
        </button>
      </p>
    </Page>
  );
}
