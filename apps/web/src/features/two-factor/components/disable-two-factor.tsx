import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { useDisableTwoFactor } from '../api/disable-two-factor';
import { cleanTotp, describeTwoFactorError, type TwoFactorField } from './two-factor-errors';

/** Turning two-factor off takes the password and a code (a recovery code works: the phone may be lost). */
export function DisableTwoFactor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<{ field: TwoFactorField | null; message: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return setProblem({ field: 'password', message: t('twoFactor.errors.required') });
    const typed = /^\d[\d\s]*$/.test(code.trim()) ? cleanTotp(code) : code.trim();
    if (typed === '') return setProblem({ field: 'code', message: t('twoFactor.errors.codeOrRecovery') });
    try {
      await disable.mutateAsync({ password, code: typed });
      onDone();
    } catch (error) {
      setProblem(describeTwoFactorError(error, t));
    }
  };

  return (
    <section aria-labelledby="two-factor-disable">
      <h2 id="two-factor-disable">{t('twoFactor.disableTitle')}</h2>
      <p>{t('twoFactor.disableHelp')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        <TextField
          label={t('twoFactor.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          error={problem?.field === 'password' ? problem.message : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          label={t('twoFactor.disableCode')}
          autoComplete="one-time-code"
          maxLength={20}
          value={code}
          error={problem?.field === 'code' ? problem.message : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button-danger" disabled={disable.isPending}>
          {t('twoFactor.disable')}
        </button>
      </form>
    </section>
  );
}
