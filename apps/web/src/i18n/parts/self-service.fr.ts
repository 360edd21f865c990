import type { Messages } from '../messages';
import type { selfServiceEn } from './self-service.en';

export const selfServiceFr: Messages<typeof selfServiceEn> = {
  profileTitle: 'Votre profil',
  passwordTitle: 'Mot de passe',
  emailTitle: 'Adresse e-mail',
  sessionsTitle: 'Où vous êtes connecté·e',
  verifyTitle: 'Confirmez votre adresse e-mail',
};
