import type { Messages } from '../messages';
import type { mailRepliesEn } from './mail-replies.en';

/** Chaînes françaises des réponses par courriel (ticket 21). */
export const mailRepliesFr: Messages<typeof mailRepliesEn> = {
  byEmail: 'par courriel',
  showEmail: 'Voir le courriel d’origine',
  hideEmail: 'Masquer le courriel',
  emailTitle: 'Le courriel tel que reçu',
  receivedAt: 'Reçu le {{date}}. Seules les personnes qui modèrent cet espace peuvent le lire.',
  loading: 'Chargement du courriel…',
  gone: 'Ce courriel n’est plus conservé.',
};
