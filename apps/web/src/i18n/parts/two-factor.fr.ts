import type { Messages } from '../messages';
import type { twoFactorEn } from './two-factor.en';

export const twoFactorFr: Messages<typeof twoFactorEn> = {
  title: 'Authentification à deux facteurs',
};
