import type { Messages } from '../messages';
import type { readingEn } from './reading.en';

export const readingFr: Messages<typeof readingEn> = {
  number: 'n° {{number}}',
  linkTo: 'Lien vers le message {{number}}',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  copyFailed: 'Le lien n’a pas pu être copié. Le voici : {{url}}',
  moreActions: 'Autres actions pour le message {{number}}',
  removeBookmark: 'Retirer le signet',
  moreActionsPlain: 'Autres actions',
  loadEarlier: 'Afficher les messages précédents',
  loading: 'Chargement des messages…',
};
