import type { enLater } from './en-later';
import type { Messages } from './messages';
import { conversationsFr } from './parts/conversations.fr';
import { leavingFr } from './parts/leaving.fr';
import { selfServiceFr } from './parts/self-service.fr';
import { twoFactorFr } from './parts/two-factor.fr';
import { pushFr } from './parts/push.fr';

/** French for en-later.ts: the same keys, loaded with it. */
export const frLater: Messages<typeof enLater> = {
  conversations: conversationsFr,
  leaving: leavingFr,
  selfService: selfServiceFr,
  twoFactor: twoFactorFr,
  push: pushFr,
};
