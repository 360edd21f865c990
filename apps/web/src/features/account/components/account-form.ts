import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The account-security forms (password, address): values, the server's own rules checked first, server
 * errors put on their fields — a wrong password (403) on the field named `passwordField` — and focus moved
 * to the first invalid field, so keyboard and screen-reader users land on it.
 */
export function useAccountForm<F extends string>(
  initial: Record<F, string>,
  passwordField: NoInfer<F>,
  submit: (values: Record<F, string>) => Promise<void>,
) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const check = (): Partial<Record<F, string>> => {
    const found: Partial<Record<F, string>> = {};
    for (const name of Object.keys(values) as F[]) {
      const value = values[name];
      if (value.trim() === '') found[name] = t('auth.errors.required');
      else if (name === 'email' && !EMAIL.test(value.trim())) found[name] = t('auth.errors.email');
      else if (name === 'newPassword' && (value.length < 8 || value.length > 200)) found[name] = t('auth.errors.password');
    }
    return found;
  };

  const fromServer = (error: unknown): void => {
    if (error instanceof ApiError && error.status === 403)
      return setErrors({ [passwordField]: t('selfService.wrongPassword') } as Partial<Record<F, string>>);
    if (error instanceof ApiError && error.status === 400) {
      const named = (Object.keys(values) as F[]).filter((name) => error.forField(name).length > 0);
      if (named.length > 0)
        return setErrors(Object.fromEntries(named.map((name) => [name, error.forField(name).join(' ')])) as Partial<Record<F, string>>);
    }
    setFormError(error instanceof ApiError && error.status === 429 ? t('auth.errors.rateLimited') : t('selfService.failed'));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return setAttempt((n) => n + 1);
    setBusy(true);
    submit(values)
      .then(() => setValues(initial))
      .catch((error: unknown) => {
        fromServer(error);
        setAttempt((n) => n + 1);
      })
      .finally(() => setBusy(false));
  };

  const field = (name: F) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return { formRef, onSubmit, field, formError, busy };
}
