import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { checkFields, describeApiError } from '../form-errors';

/**
 * State shared by the account forms: values, client-side checks, server errors mapped to fields, and
 * focus moved to the first invalid field so that keyboard and screen-reader users find it.
 * Callers destructure the result: React's lint reads an object holding a ref as a ref, not to be read in render.
 */
export function useAuthForm<F extends string>(initial: Record<F, string>, submit: (values: Record<F, string>) => Promise<void>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submitForm = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkFields(values, t) as Partial<Record<F, string>>;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await submit(values);
    } catch (error) {
      const described = describeApiError(error, Object.keys(initial) as F[], t);
      setErrors(described.fields);
      setFormError(described.form);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: F) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const onSubmit = (event: FormEvent) => void submitForm(event);
  return { formRef, onSubmit, field, formError, busy };
}
