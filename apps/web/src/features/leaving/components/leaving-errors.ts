import type { TFunction } from '../../../i18n/translator';
import { ApiError } from '../../../lib/api-client';

export type LeavingField = 'password' | 'totp';

/** Which field a refused export or deletion is about, in the member's language. */
export function describeLeavingError(error: unknown, t: TFunction): { field: LeavingField | null; message: string } {
  if (!(error instanceof ApiError)) return { field: null, message: t('leaving.errors.generic') };
  const first = error.messages[0] ?? '';
  if (error.status === 403 && first.includes('password')) return { field: 'password', message: t('leaving.errors.wrongPassword') };
  if (error.status === 403 && first.includes('two-factor')) return { field: 'totp', message: t('leaving.errors.wrongCode') };
  if (error.status === 409) return { field: null, message: t('leaving.errors.lastAdmin') };
  if (error.status === 429) return { field: null, message: t('leaving.errors.rateLimited') };
  if (error.status === 400 && error.forField('password').length > 0) return { field: 'password', message: t('leaving.errors.required') };
  if (error.status === 400 && error.forField('totp').length > 0) return { field: 'totp', message: t('leaving.errors.wrongCode') };
  return { field: null, message: t('leaving.errors.generic') };
}
