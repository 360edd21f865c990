import type { Messages } from '../messages';
import type { draftsEn } from './drafts.en';

export const draftsFr: Messages<typeof draftsEn> = {
  saving: 'Enregistrement du brouillon…',
  saved: 'Brouillon enregistré',
  failed: 'Brouillon non enregistré : votre texte n’existe pour l’instant que sur cette page.',
  offer: 'Vous avez un brouillon enregistré le {{when}}.',
  restore: 'Reprendre le brouillon',
  discard: 'Supprimer le brouillon',
  restored: 'Brouillon repris.',
  discarded: 'Brouillon supprimé.',
  leave: 'Votre texte n’est pas encore enregistré. Quitter cette page quand même ?',
};
