import type { Messages } from '../messages';
import type { selfServiceEn } from './self-service.en';

export const selfServiceFr: Messages<typeof selfServiceEn> = {
  profileTitle: 'Votre profil',
  passwordTitle: 'Mot de passe',
  emailTitle: 'Adresse e-mail',
  sessionsTitle: 'Où vous êtes connecté·e',
  verifyTitle: 'Confirmez votre adresse e-mail',
  failed: 'Cela n’a pas fonctionné. Veuillez réessayer.',
  wrongPassword: 'Le mot de passe est incorrect.',
  profile: {
    displayName: 'Nom affiché',
    displayNameHint: 'Affiché à côté de vos messages ; votre nom d’utilisateur ne change pas.',
    pronouns: 'Pronoms',
    pronounsHint: 'Facultatif, par exemple iel.',
    bio: 'À propos de vous',
    bioHint:
      'Facultatif, un paragraphe d’au plus 1 000 caractères, affiché sur votre profil. Les retours à la ligne ne sont pas gardés : ils deviennent des espaces.',
    language: 'Langue du site et de vos e-mails',
    save: 'Enregistrer mon profil',
    saved: 'Votre profil est enregistré.',
    silenced:
      'Votre compte est en lecture seule pour le moment : votre nom, vos pronoms et votre présentation ne peuvent pas changer, vos autres réglages oui.',
  },
  password: {
    current: 'Mot de passe actuel',
    new: 'Nouveau mot de passe',
    newHint: 'De 8 à 200 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.',
    submit: 'Changer mon mot de passe',
    changed: 'Votre mot de passe est changé. Tous vos autres appareils sont déconnectés.',
  },
  email: {
    current: 'Votre adresse est {{email}}.',
    verified: 'Elle est confirmée.',
    unverified: 'Elle n’est pas encore confirmée.',
    resend: 'Renvoyer le lien de confirmation',
    resent: 'Un nouveau lien est en route vers {{email}}.',
    changeLegend: 'Utiliser une autre adresse',
    newAddress: 'Nouvelle adresse e-mail',
    password: 'Votre mot de passe',
    submit: 'Envoyer le lien de confirmation',
    sent: 'Un lien est en route vers {{email}}. Votre adresse change quand vous le suivez ; d’ici là, elle reste {{old}}. Nous avons aussi prévenu votre adresse actuelle.',
    same: 'C’est déjà votre adresse.',
  },
  sessions: {
    intro: 'Chaque appareil ou navigateur où vous vous êtes connecté·e. Déconnectez ceux que vous ne reconnaissez pas ou n’utilisez plus.',
    current: 'Cet appareil',
    started: 'Connexion le {{date}}',
    lastSeen: 'dernière activité le {{date}}',
    end: 'Déconnecter',
    endNamed: 'Déconnecter {{device}}, dernière activité le {{date}}',
    endOthers: 'Déconnecter tous les autres appareils',
    ended: '{{device}} est déconnecté.',
    endedOthers: 'Tous les autres appareils sont déconnectés.',
    onlyThis: 'Vous n’êtes connecté·e que sur cet appareil.',
  },
  verify: {
    checking: 'Confirmation de votre adresse…',
    done: 'Votre adresse e-mail est confirmée.',
    failed: 'Ce lien ne fonctionne pas : il a déjà servi ou a expiré. Connectez-vous pour en recevoir un nouveau.',
    missing: 'Ce lien est incomplet. Ouvrez le lien entier depuis votre e-mail.',
    taken: 'Un autre compte utilise maintenant cette adresse : elle ne peut pas devenir la vôtre.',
    continue: 'Continuer',
  },
  signUpCheckEmail: 'Presque fini : nous avons envoyé un lien à {{email}}. Suivez-le pour confirmer votre adresse, puis connectez-vous.',
  signUpCheckEmailHint: 'Rien dans votre boîte de réception ? Regardez dans les indésirables. Le lien fonctionne pendant 48 heures.',
  verifyFirst: 'Confirmez d’abord votre adresse e-mail : nous avons renvoyé le lien. Suivez-le, puis connectez-vous.',
  admin: {
    emailVerification: 'Les nouveaux membres confirment leur adresse e-mail',
    emailVerificationHint:
      'L’inscription répond alors de la même façon qu’une adresse ait déjà un compte ou non, et la connexion attend le lien. Les comptes créés pendant que ce réglage est désactivé ne sont jamais bloqués.',
  },
};
