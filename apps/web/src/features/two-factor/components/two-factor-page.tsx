import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { TwoFactorSetupDto } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useConfirmTwoFactor } from '../api/confirm-two-factor';
import { useStartTwoFactor } from '../api/start-two-factor';
import { DisableTwoFactor } from './disable-two-factor';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';
import { cleanTotp, describeTwoFactorError, type TwoFactorField } from './two-factor-errors';

type Problem = { field: TwoFactorField | null; message: string } | null;

/** /settings/two-factor: set up (password → scan → code → recovery codes once), or turn off. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TwoFactorSetupDto | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [turnedOff, setTurnedOff] = useState(false);

  if (!me.data) return <Page title={t('twoFactor.title')}>{t('app.loading')}</Page>;

  const begin = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return setProblem({ field: 'password', message: t('twoFactor.errors.required') });
    try {
      setSetup(await start.mutateAsync({ password }));
      setPassword('');
      setProblem(null);
      setTurnedOff(false);
    } catch (error) {
      setProblem(describeTwoFactorError(error, t));
    }
  };

  const finish = async (event: FormEvent) => {
    event.preventDefault();
    const typed = cleanTotp(code);
    if (!/^\d{6}$/.test(typed)) return setProblem({ field: 'code', message: t('twoFactor.errors.code') });
    try {
      const answer = await confirm.mutateAsync({ code: typed });
      setRecoveryCodes(answer.recoveryCodes);
      setSetup(null);
      setCode('');
      setProblem(null);
    } catch (error) {
      setProblem(describeTwoFactorError(error, t));
    }
  };

  const fieldError = (field: TwoFactorField) => (problem?.field === field ? problem.message : undefined);
  const formError = problem && problem.field === null ? <Alert kind="error">{problem.message}</Alert> : null;

  return (
    <Page title={t('twoFactor.title')} narrow>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : me.data.twoFactor ? (
        <>
          <p>{t('twoFactor.statusOn')}</p>
          <DisableTwoFactor onDone={() => setTurnedOff(true)} />
        </>
      ) : setup ? (
        <section aria-labelledby="two-factor-scan">
          <h2 id="two-factor-scan">{t('twoFactor.scanTitle')}</h2>
          <p>{t('twoFactor.scanHelp')}</p>
          <QrCode value={setup.otpauthUrl} />
          <p>{t('twoFactor.secretHelp')}</p>
          <p>
            <code className="two-factor-secret" data-testid="two-factor-secret">
              {setup.secret.match(/.{1,4}/g)?.join(' ')}
            </code>
          </p>
          <form onSubmit={(event) => void finish(event)} noValidate>
            {formError}
            <TextField
              label={t('twoFactor.code')}
              hint={t('twoFactor.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              error={fieldError('code')}
              onChange={(event) => setCode(event.target.value)}
            />
            <div className="button-row">
              <button type="submit" className="button-primary" disabled={confirm.isPending}>
                {t('twoFactor.confirm')}
              </button>
              <button type="button" onClick={() => setSetup(null)}>
                {t('twoFactor.cancel')}
              </button>
            </div>
          </form>
        </section>
      ) : (
        <>
          {turnedOff && <Alert kind="success">{t('twoFactor.nowOff')}</Alert>}
          <p>{t('twoFactor.statusOff')}</p>
          <p>{t('twoFactor.intro')}</p>
          <form onSubmit={(event) => void begin(event)} noValidate>
            {formError}
            <TextField
              label={t('twoFactor.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              error={fieldError('password')}
              onChange={(event) => setPassword(event.target.value)}
            />
            <button type="submit" className="button-primary" disabled={start.isPending}>
              {t('twoFactor.start')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
