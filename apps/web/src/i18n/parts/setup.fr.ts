import type { Messages } from '../messages';
import type { setupEn } from './setup.en';

export const setupFr: Messages<typeof setupEn> = {
  title: 'Configurer votre site',
  intro: 'Quelques choix à faire avant l’arrivée des premiers membres. Chacun peut être changé plus tard dans les réglages du site.',
  step: 'Étape {{current}} sur {{total}}',
  next: 'Enregistrer et continuer',
  back: 'Retour',
  skip: 'Passer cette étape',
  finish: 'Terminer la configuration',
  saved: 'Enregistré.',
  failed: 'L’enregistrement a échoué. Vérifiez les champs et réessayez.',
  startLink: 'Configurer votre site pas à pas',
  again: 'Refaire la configuration guidée',
  identity: {
    title: 'Nom et description',
    name: 'Nom du site',
    nameHint: 'Affiché dans l’en-tête, l’onglet du navigateur et chaque courriel envoyé par le site.',
    description: 'Description',
    descriptionHint: 'Une ou deux phrases pour la page d’accueil et les moteurs de recherche : à qui s’adresse le site.',
    language: 'Langue par défaut',
    languageHint:
      'Pour les visiteurs dont le navigateur ne demande ni l’anglais ni le français, et pour les nouveaux comptes qui ne choisissent pas de langue (leurs courriels aussi). Chacun peut changer.',
    logo: 'Logo',
    logoHint: 'Une image JPEG, PNG, WebP ou GIF (le SVG est refusé : il peut contenir des scripts). Elle s’affiche dans l’en-tête.',
    logoUpload: 'Choisir un logo',
    logoRemove: 'Retirer le logo',
    logoAlt: 'Le logo du site',
    logoFailed: 'Ce fichier n’est pas une image acceptée par le site.',
  },
  registration: {
    title: 'Qui peut s’inscrire',
    legend: 'Qui peut créer un compte',
    open: 'Tout le monde',
    openHelp: 'Toute personne qui trouve le site peut créer un compte et publier aussitôt. Convient à un forum public.',
    invite: 'Sur invitation seulement',
    inviteHelp:
      'Seules les personnes qui ont un lien d’invitation peuvent créer un compte. Convient à un réseau fermé d’intervenant·es ou de membres.',
    approval: 'Chaque compte est approuvé par un·e admin',
    approvalHelp:
      'Tout le monde peut demander un compte ; un·e admin est averti·e et accepte chaque personne. Convient quand vous connaissez vos membres.',
    loginRequired: 'Seuls les membres connectés peuvent lire le site',
    loginRequiredHelp: 'Les visiteurs ne voient que la page de connexion : rien n’est public, pas même les titres des sujets.',
    emailVerification: 'Les nouveaux membres confirment leur adresse courriel avant de se connecter',
    emailVerificationHelp:
      'Empêche de créer un compte avec l’adresse de quelqu’un d’autre. À désactiver seulement si des membres n’ont pas de courriel.',
  },
  mail: {
    title: 'Envois groupés',
    intro:
      'La loi canadienne anti-pourriel (LCAP) exige que chaque envoi nomme son expéditeur et donne une adresse postale où le joindre. Aucun envoi ne part tant que l’adresse n’est pas remplie.',
  },
  categories: {
    title: 'Catégories de départ',
    intro:
      'Un ensemble de départ pour un réseau de réduction des méfaits. Décochez ce dont vous n’avez pas besoin et renommez à votre guise ; vous pourrez modifier ou ajouter des catégories en tout temps.',
    include: 'Créer « {{name}} »',
    name: 'Nom',
    description: 'Description',
    create: 'Créer les catégories cochées',
    created: '{{count}} catégories créées.',
    already: 'Ce site a déjà des catégories : vous pouvez les modifier depuis la page d’accueil.',
  },
  members: {
    title: 'Inviter vos premiers membres',
    intro:
      'Créez un lien pour un événement ou un atelier : chaque personne présente peut l’utiliser pour créer un compte, jusqu’à épuisement.',
    uses: 'Nombre de comptes que le lien peut ouvrir',
    days: 'Jours avant que le lien cesse de fonctionner',
    create: 'Créer le lien',
    link: 'Lien à partager',
    more: 'Pour envoyer des invitations une à une, ou créer vous-même des comptes, utilisez les pages Invitations et Membres.',
    invitations: 'Invitations',
    users: 'Membres',
  },
  accounts: {
    title: 'Créer un compte pour quelqu’un',
    intro:
      'Pour un atelier ou un appel : vous choisissez le nom d’utilisateur, la personne reçoit un courriel pour choisir son propre mot de passe. Vous ne le voyez jamais.',
    submit: 'Créer le compte',
    created: 'Compte {{name}} créé : le lien pour choisir un mot de passe est en route.',
  },
  invitations: {
    uses: 'Nombre de comptes que le lien peut ouvrir',
    usesHint:
      'Plus d’un seulement pour un lien que vous partagez vous-même (un événement) ; un lien envoyé par courriel ouvre un seul compte.',
    days: 'Jours avant qu’il cesse de fonctionner',
    usedCount: '{{used}} sur {{uses}} utilisés',
  },
  done: 'Votre site est configuré.',
  confirm: {
    cancel: 'Annuler',
    leaveTitle: 'Quitter {{name}} ?',
    leaveBody:
      'Vous ne verrez plus ses espaces réservés aux membres et n’en serez plus averti·e. Pour revenir, il faudra peut-être une invitation ou l’accord d’un·e propriétaire.',
    leaveConfirm: 'Quitter le groupe',
    visibilityTitle: 'Changer qui peut voir {{name}} ?',
    visibility: {
      public:
        'Tout le monde, connecté ou non, verra le groupe, la liste de ses membres et les espaces qu’il ouvre à tous. Ses membres ne s’attendent peut-être pas à être listés en public.',
      private:
        'Le groupe reste listé, mais seuls ses membres verront qui en fait partie. Les espaces qu’il ouvrait à tous sont réservés à ses membres.',
      hidden: 'Seuls ses membres sauront que le groupe existe. Les espaces qu’il ouvrait à tous sont réservés à ses membres.',
    },
    visibilityConfirm: 'Changer la visibilité',
    stopMailTitle: 'Arrêter tout envoi à {{email}} ?',
    stopMailBody:
      'Aucun envoi n’ira plus à cette adresse. Impossible de revenir en arrière d’ici : seule la personne titulaire de l’adresse peut se réabonner.',
    stopMailConfirm: 'Arrêter les envois',
    roleTitle: 'Donner à {{name}} le rôle {{role}} ?',
    role: {
      admin:
        'Un·e admin voit tous les espaces privés et l’adresse courriel de chaque membre, change tous les réglages et peut nommer d’autres admins.',
      moderator:
        'Un·e modérateur·rice voit les signalements, masque et supprime des messages et sanctionne des membres dans les catégories du site.',
      member: '{{name}} perd aussitôt tout droit de modération ou d’administration.',
    },
    roleConfirm: 'Changer le rôle',
    groupRoleTitle: 'Donner à {{name}} le rôle {{role}} ?',
    groupRole: {
      owner:
        'Un·e propriétaire change les réglages, la visibilité et les espaces du groupe, donne et retire tous les rôles, et peut retirer n’importe qui, vous y compris.',
      moderator: 'Un·e modérateur·rice du groupe invite et retire des membres et modère les espaces du groupe.',
      member: '{{name}} reste dans le groupe et perd aussitôt ses droits de modération.',
    },
    removeTitle: 'Retirer {{name}} de {{group}} ?',
    removeBody: '{{name}} perd aussitôt l’accès aux espaces réservés aux membres du groupe. Cette personne peut demander à revenir.',
    removeConfirm: 'Retirer du groupe',
    sendTitle: 'Envoyer « {{subject}} » maintenant ?',
    sendBody_one: 'Il part maintenant à {{count}} adresse. Un envoi ne peut pas être rappelé une fois parti.',
    sendBody_other: 'Il part maintenant à {{count}} adresses. Un envoi ne peut pas être rappelé une fois parti.',
    sendCounting: 'Décompte des destinataires…',
    sendConfirm_one: 'Envoyer à {{count}} adresse',
    sendConfirm_other: 'Envoyer à {{count}} adresses',
    needsAddress:
      'L’envoi reste désactivé tant que l’adresse postale n’est pas remplie dans les réglages du site (loi canadienne anti-pourriel).',
    deleteDraftTitle: 'Supprimer ce brouillon ?',
    deleteDraftBody: 'Le brouillon et sa version française sont supprimés pour de bon.',
    deleteDraftConfirm: 'Supprimer le brouillon',
  },
};
