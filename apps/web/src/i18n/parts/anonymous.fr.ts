import type { Messages } from '../messages';
import type { anonymousEn } from './anonymous.en';

export const anonymousFr: Messages<typeof anonymousEn> = {
  label: 'Anonyme {{number}}',
  postAnonymously: 'Publier anonymement',
  postAnonymouslyHint: 'Personne ne verra votre nom sur ce message, ni les modératrices et modérateurs, ni les admins.',
  required: 'Tous les messages ici sont anonymes : personne ne verra votre nom, ni les modératrices et modérateurs, ni les admins.',
  unmaskRequest: 'Demander la levée de l’anonymat',
  unmaskRequests: 'Levées d’anonymat',
};
