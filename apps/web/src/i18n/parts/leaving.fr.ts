import type { Messages } from '../messages';
import type { leavingEn } from './leaving.en';

export const leavingFr: Messages<typeof leavingEn> = {
  exportTitle: 'Exporter vos données',
  exportIntro:
    'Téléchargez tout ce que Harbour conserve sur vous, dans une archive zip de fichiers ouverts : votre profil et vos sessions, vos messages en Markdown avec leurs versions antérieures, vos groupes, notifications, abonnements, signalements et avertissements, et votre image téléversée.',
  exportWarning: 'Le fichier contient votre adresse courriel et tout ce que vous avez écrit : gardez-le en lieu sûr.',
  password: 'Votre mot de passe',
  passwordHint: 'Demandé de nouveau, pour qu’une personne devant une session ouverte ne puisse pas emporter vos données.',
  exportButton: 'Télécharger mes données',
  exporting: 'Préparation du fichier…',
  exportDone: 'Le téléchargement a commencé (harbour-export.zip).',
  deleteTitle: 'Supprimer votre compte',
  deleteIntro:
    'La suppression du compte est définitive. Votre adresse courriel, votre nom affiché, vos pronoms, votre présentation, votre image, vos sessions, notifications, blocages, adhésions aux groupes, votre double authentification et votre abonnement aux envois sont effacés immédiatement, vous êtes déconnecté·e partout, et votre nom d’utilisateur redevient libre pour tout le monde.',
  exportFirst: 'Vous voudrez peut-être d’abord exporter vos données.',
  choiceLegend: 'Ce que deviennent vos messages',
  choiceDelete: 'Supprimer mes messages',
  choiceDeleteHelp:
    'Chacun de vos messages devient une mention « supprimé » : son texte et son historique de modifications sont effacés, et les sujets que vous avez ouverts prennent un titre neutre. Les réponses des autres restent en place.',
  choiceAnonymize: 'Garder mes messages, sans mon nom',
  choiceAnonymizeHelp:
    'Vos messages restent pour que les conversations gardent leur sens, signés d’un nom anonyme (deleted-<numéro>) sans lien avec vous. Leur historique de modifications est effacé. D’autres ont pu vous citer ou vous mentionner dans leurs propres messages : ce sont leurs mots, ils restent.',
  totp: 'Code de double authentification ou code de secours',
  deleteButton: 'Supprimer mon compte…',
  confirmTitle: 'Supprimer votre compte pour de bon ?',
  confirmDelete: 'Vos messages seront supprimés. C’est irréversible.',
  confirmAnonymize: 'Vos messages resteront sous un nom anonyme. C’est irréversible.',
  confirmButton: 'Oui, supprimer mon compte',
  cancel: 'Annuler',
  deleted: 'Votre compte a été supprimé. Prenez soin de vous.',
  errors: {
    required: 'Saisissez votre mot de passe.',
    wrongPassword: 'Ce mot de passe n’est pas le bon.',
    wrongCode: 'Saisissez un code de double authentification actuel ou un code de secours inutilisé.',
    lastAdmin: 'Vous êtes la seule personne administratrice du site : nommez-en une autre avant de partir.',
    rateLimited: 'Trop d’essais. Attendez un moment et réessayez.',
    generic: 'Cela n’a pas fonctionné. Réessayez dans un instant.',
  },
  admin: {
    delete: 'Supprimer le compte…',
    deletedStatus: 'Supprimé',
    confirmTitle: 'Supprimer le compte de {{name}} ?',
    confirmIntro:
      'Uniquement à la demande du membre (une personne qui ne peut plus se connecter, par exemple). Tout ce qui l’identifiait est effacé d’un coup, sans retour possible ; le journal de modération garde que vous l’avez fait, pas qui c’était.',
    choiceLegend: 'Ce que deviennent ses messages',
    choiceDelete: 'Supprimer ses messages',
    choiceDeleteHelp:
      'Chacun de ses messages devient une mention « supprimé » : son texte et son historique de modifications sont effacés, et les sujets que cette personne a ouverts prennent un titre neutre. Les réponses des autres restent en place.',
    choiceAnonymize: 'Garder ses messages sous un nom anonyme',
    choiceAnonymizeHelp:
      'Ses messages restent pour que les conversations gardent leur sens, signés d’un nom anonyme (deleted-<numéro>) sans lien avec cette personne. Leur historique de modifications est effacé. Ce que d’autres ont écrit en la citant ou en la mentionnant reste.',
    confirmButton: 'Supprimer le compte',
    deleted: 'Le compte a été supprimé.',
  },
};
