import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { useSignInAppeal } from '../api/appeal';

/** Whether a refused sign-in is a suspension or a ban (the server's 403 says which, with the end date). */
export function isKeptOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /suspended|banned/.test(error.message);
}

/**
 * A suspended or banned member has no session to reach their sanctions page: they appeal here, under the
 * refusal, with the username and password they just typed (the server checks them as sign-in does).
 */
export function SignInAppeal({ credentials }: { credentials: { login: string; password: string } }) {
  const { t } = useTranslation();
  const id = useId();
  const appeal = useSignInAppeal();
  const [message, setMessage] = useState('');
  if (appeal.isSuccess) return <Alert kind="success">{t('moderation11.signInAppeal.sent')}</Alert>;
  const already = appeal.error instanceof ApiError && appeal.error.status === 409;
  return (
    <section aria-labelledby={`${id}-heading`} className="sign-in-appeal">
      <h2 id={`${id}-heading`}>{t('moderation11.signInAppeal.heading')}</h2>
      <p className="muted">{t('moderation11.signInAppeal.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          appeal.mutate({ ...credentials, message: message.trim() });
        }}
      >
        {already && <Alert kind="info">{t('moderation11.signInAppeal.already')}</Alert>}
        {appeal.isError && !already && <Alert kind="error">{appeal.error.message}</Alert>}
        <div className="field">
          <label htmlFor={`${id}-message`}>{t('moderation11.signInAppeal.message')}</label>
          <textarea
            id={`${id}-message`}
            required
            minLength={3}
            maxLength={2000}
            rows={5}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        <button type="submit" className="button-primary" disabled={appeal.isPending || message.trim().length < 3}>
          {t('moderation11.signInAppeal.submit')}
        </button>
      </form>
    </section>
  );
}
