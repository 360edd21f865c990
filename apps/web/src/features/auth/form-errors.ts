import type { TFunction } from '../../i18n/translator';
import { ApiError } from '../../lib/api-client';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Turns an API error into translated messages: per field where the server named one, and one message
 * for the whole form otherwise.
 */
export function describeApiError<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
): { fields: FieldErrors<F>; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: t('auth.errors.generic') };
  const byField: FieldErrors<F> = {};
  if (error.status === 409) {
    if (error.messages.some((m) => m.startsWith('username'))) byField['username' as F] = t('auth.errors.usernameTaken');
    else byField['email' as F] = t('auth.errors.emailTaken');
    return { fields: byField, form: null };
  }
  if (error.status === 400) {
    for (const field of fields) {
      const messages = error.forField(field);
      if (messages.length === 0) continue;
      const known = `auth.errors.${field}`;
      byField[field] = t(known, { defaultValue: messages.join(' ') });
    }
    if (Object.keys(byField).length > 0) return { fields: byField, form: null };
    if (error.forField('token').length > 0) return { fields: {}, form: t('auth.errors.tokenInvalid') };
    if (error.forField('invitation').length > 0) return { fields: {}, form: t('auth.errors.invitation') };
  }
  if (error.status === 401) return { fields: {}, form: t('auth.errors.invalidCredentials') };
  if (error.status === 429) return { fields: {}, form: t('auth.errors.rateLimited') };
  if (error.status === 403) {
    // A suspended or banned member is told so in their language, with the end date in their own time zone.
    const suspended = /suspended until (\S+)/.exec(error.messages[0] ?? '');
    if (suspended?.[1]) {
      return { fields: {}, form: t('auth.errors.suspendedUntil', { date: new Date(suspended[1]).toLocaleString(t('app.locale')) }) };
    }
    if (error.messages[0]?.includes('banned')) return { fields: {}, form: t('auth.errors.banned') };
    if (error.messages[0] === 'verify your email first') return { fields: {}, form: t('selfService.verifyFirst') };
    return { fields: {}, form: error.messages[0] ?? t('auth.errors.forbidden') };
  }
  return { fields: {}, form: t('auth.errors.generic') };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[A-Za-z0-9_.-]{3,30}$/;

/** The same rules the server applies, checked first so that a person gets an answer at once. */
export function checkFields(values: Record<string, string>, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value.trim() === '') errors[field] = t('auth.errors.required');
    else if (field === 'username' && !USERNAME.test(value.trim())) errors[field] = t('auth.errors.username');
    else if (field === 'email' && !EMAIL.test(value.trim())) errors[field] = t('auth.errors.email');
    else if (field === 'password' && (value.length < 8 || value.length > 200)) errors[field] = t('auth.errors.password');
  }
  return errors;
}
