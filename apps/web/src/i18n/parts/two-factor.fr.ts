import type { Messages } from '../messages';
import type { twoFactorEn } from './two-factor.en';

export const twoFactorFr: Messages<typeof twoFactorEn> = {
  title: 'Authentification à deux facteurs',
  intro:
    'Avec l’authentification à deux facteurs, la connexion demande votre mot de passe et un code à six chiffres donné par une application d’authentification sur votre téléphone (toute application qui lit les codes QR de double authentification, comme Aegis, FreeOTP ou 2FAS). Quelqu’un qui connaîtrait votre mot de passe ne pourrait toujours pas entrer.',
  statusOn: 'L’authentification à deux facteurs est activée.',
  statusOff: 'L’authentification à deux facteurs est désactivée.',
  password: 'Votre mot de passe',
  start: 'Configurer l’authentification à deux facteurs',
  scanTitle: 'Ajoutez Harbour à votre application d’authentification',
  scanHelp: 'Lisez ce code QR avec l’application. Il est dessiné ici, dans votre navigateur : rien n’en est envoyé à un autre site.',
  qrLabel: 'Code QR pour votre application d’authentification',
  qrFailed: 'Le code QR n’a pas pu être dessiné. Saisissez plutôt la clé ci-dessous dans votre application.',
  secretHelp: 'Impossible de lire le code ? Saisissez cette clé dans l’application (basée sur le temps, six chiffres, 30 secondes) :',
  code: 'Code à six chiffres de l’application',
  codeHint: 'Saisissez le code que l’application affiche maintenant.',
  confirm: 'Activer l’authentification à deux facteurs',
  cancel: 'Annuler',
  codesTitle: 'Vos codes de secours',
  codesHelp:
    'Si vous perdez votre téléphone, chacun de ces codes permet de vous connecter une fois à la place d’un code de l’application. Gardez-les en lieu sûr, loin de votre téléphone. Ils ne sont affichés que cette fois.',
  codesLabel: 'Codes de secours',
  copy: 'Copier les codes',
  copied: 'Copiés.',
  copyFailed: 'La copie n’a pas fonctionné ici : sélectionnez les codes pour les copier, ou téléchargez-les.',
  download: 'Télécharger en fichier texte',
  downloadName: 'harbour-codes-de-secours.txt',
  done: 'J’ai mis mes codes de côté',
  nowOn: 'L’authentification à deux facteurs est activée. Désormais, la connexion demande un code.',
  disableTitle: 'Désactiver l’authentification à deux facteurs',
  disableHelp: 'Donnez votre mot de passe et un code de l’application (ou l’un de vos codes de secours).',
  disableCode: 'Code de l’application, ou code de secours',
  disable: 'Désactiver l’authentification à deux facteurs',
  nowOff: 'L’authentification à deux facteurs est désactivée.',
  errors: {
    wrongPassword: 'Ce mot de passe n’est pas le bon.',
    wrongCode:
      'Ce code n’est pas le bon. Vérifiez que l’horloge du téléphone est réglée automatiquement, et saisissez le code le plus récent.',
    code: 'Saisissez les six chiffres affichés par l’application.',
    codeOrRecovery: 'Saisissez six chiffres, ou un code de secours comme abcde-12345.',
    rateLimited: 'Trop d’essais. Patientez un moment, puis réessayez.',
    required: 'Ce champ est requis.',
    generic: 'Une erreur est survenue. Réessayez.',
  },
  signIn: {
    title: 'Code de double authentification',
    help: 'Ouvrez votre application d’authentification et saisissez le code qu’elle affiche pour ce site.',
    code: 'Code à six chiffres',
    recoveryHelp: 'Saisissez l’un des codes de secours mis de côté lors de l’activation. Chacun ne sert qu’une fois.',
    recoveryCode: 'Code de secours',
    useRecovery: 'Téléphone perdu ? Utiliser un code de secours',
    useApp: 'Utiliser un code de l’application',
    submit: 'Se connecter',
    back: 'Retour',
    wrong: 'Ce code n’a pas fonctionné. Essayez le code le plus récent (ou un autre code de secours).',
  },
  staff: {
    notice:
      'Ce site demande à ses modérateurs et administrateurs d’utiliser l’authentification à deux facteurs. Tant que vous ne l’activez pas, votre compte fonctionne comme celui d’un membre : les outils de modération et d’administration restent fermés.',
    link: 'Activer l’authentification à deux facteurs',
    setting: 'Les modérateurs et administrateurs doivent utiliser l’authentification à deux facteurs',
    settingHint:
      'Sans elle, leur compte fonctionne comme celui d’un membre. Activez-la d’abord pour votre propre compte, sinon cette page vous sera fermée dès l’enregistrement.',
  },
};
