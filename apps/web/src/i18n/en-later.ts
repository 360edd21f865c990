import { conversationsEn } from './parts/conversations.en';
import { leavingEn } from './parts/leaving.en';
import { selfServiceEn } from './parts/self-service.en';
import { twoFactorEn } from './parts/two-factor.en';
import { pushEn } from './parts/push.en';

/**
 * English strings of the screens a guest's first page never shows (account, conversations, two-factor,
 * leaving, push): their own chunk, loaded before any of those screens (app/lazy-page.tsx) and in the
 * background once the first page is usable (i18n/index.ts), so a weak phone's first load skips them.
 */
export const enLater = {
  conversations: conversationsEn,
  leaving: leavingEn,
  selfService: selfServiceEn,
  twoFactor: twoFactorEn,
  push: pushEn,
};
