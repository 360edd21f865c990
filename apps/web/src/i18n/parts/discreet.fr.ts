import type { Messages } from '../messages';
import type { discreetEn } from './discreet.en';

export const discreetFr: Messages<typeof discreetEn> = {
  quickExit: 'Sortie rapide',
  quickExitHint: 'Quitter ce site tout de suite. Appuyer trois fois sur Échap fait de même.',
  tabTitle: 'Notes',
};
