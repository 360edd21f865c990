import type { TFunction } from '../../../i18n/translator';
import { ApiError } from '../../../lib/api-client';

export type TwoFactorField = 'password' | 'code';

/** Which field a refused two-factor request is about, in the member's language. */
export function describeTwoFactorError(error: unknown, t: TFunction): { field: TwoFactorField | null; message: string } {
  if (!(error instanceof ApiError)) return { field: null, message: t('twoFactor.errors.generic') };
  const first = error.messages[0] ?? '';
  if (error.status === 403 && first.includes('password')) return { field: 'password', message: t('twoFactor.errors.wrongPassword') };
  if (error.status === 403) return { field: 'code', message: t('twoFactor.errors.wrongCode') };
  if (error.status === 429) return { field: null, message: t('twoFactor.errors.rateLimited') };
  if (error.status === 400 && error.forField('password').length > 0) return { field: 'password', message: t('twoFactor.errors.required') };
  if (error.status === 400 && error.forField('code').length > 0) return { field: 'code', message: t('twoFactor.errors.codeOrRecovery') };
  return { field: null, message: error.messages.join(' ') || t('twoFactor.errors.generic') };
}

/** Six digits, spaces allowed as apps show them ("123 456"). */
export function cleanTotp(value: string): string {
  return value.replace(/\s/g, '');
}
