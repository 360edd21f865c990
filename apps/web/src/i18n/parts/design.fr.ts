import type { Messages } from '../messages';
import type { designEn } from './design.en';

export const designFr: Messages<typeof designEn> = {
  theme: {
    label: 'Thème',
    system: 'Système',
    light: 'Clair',
    dark: 'Sombre',
  },
  shortcuts: {
    title: 'Raccourcis clavier',
    open: 'Raccourcis clavier',
    intro: 'Les raccourcis marchent partout sauf pendant la saisie dans un champ. Appuyez sur ? pour revoir cette liste.',
    close: 'Fermer',
    then: 'puis',
    groups: {
      site: 'Partout',
      topic: 'Dans un sujet',
      moderation: 'Dans la file de modération',
    },
    search: 'Rechercher',
    help: 'Afficher cette liste',
    home: 'Aller à l’accueil',
    notifications: 'Aller aux notifications',
    messages: 'Aller aux messages',
    bookmarks: 'Aller aux signets',
    quickExit: 'Quitter le site tout de suite (sortie rapide), même en écrivant',
    nextPost: 'Message suivant',
    previousPost: 'Message précédent',
    reply: 'Répondre (au message qui a le focus, sinon au sujet)',
    nextItem: 'Élément suivant',
    previousItem: 'Élément précédent',
  },
  table: '{{name}} (tableau)',
  empty: {
    notifications: 'Aucune notification pour l’instant',
    notificationsHint:
      'Les réponses à vos messages, les mentions de votre nom et les nouvelles des sujets que vous surveillez apparaîtront ici.',
    inboxHint: 'Vos conversations privées avec d’autres membres ou avec l’équipe d’un groupe apparaissent ici.',
    groupsHint: 'Les groupes que vous pouvez voir seront listés ici.',
    searchHint: 'Essayez d’autres mots, moins de filtres, ou vérifiez l’orthographe.',
    queueHint: 'Les messages signalés ou retenus arrivent ici. Tout est à jour.',
    log: 'Aucune action de modération pour l’instant',
  },
};
