import type { Messages } from '../messages';
import type { profilesEn } from './profiles.en';

export const profilesFr: Messages<typeof profilesEn> = {
  title: 'Profil',
  notFound: 'Aucun membre ne porte ce nom.',
  loadFailed: 'Ce profil n’a pas pu être chargé. Réessayez.',
  username: '@{{username}}',
  pronouns: 'Pronoms : {{pronouns}}',
  joined: 'Inscrit·e en {{month}}',
  postCount_one: '{{count}} message',
  postCount_other: '{{count}} messages',
  groups: 'Groupes',
  noGroups: 'Aucun groupe à afficher.',
  posts: 'Messages récents',
  noPosts: 'Aucun message à afficher.',
  inTopic: 'Dans {{title}}',
  loadMore: 'Plus de messages',
  edit: 'Modifier votre profil',
  avatar: {
    legend: 'Photo de profil',
    current: 'Votre photo actuelle',
    preview: 'La photo choisie, avant enregistrement',
    choose: 'Choisir une photo',
    hint: 'JPEG, PNG, WebP, GIF ou AVIF, jusqu’à 8 Mo. Elle est recadrée en carré ; le lieu et les détails de l’appareil sont supprimés.',
    save: 'Utiliser cette photo',
    cancel: 'Annuler',
    remove: 'Retirer ma photo',
    saved: 'Votre nouvelle photo est enregistrée.',
    removed: 'Votre photo est retirée ; une image tirée de votre nom d’utilisateur s’affiche à la place.',
    tooLarge: 'Ce fichier dépasse 8 Mo.',
    notPicture: 'Ce fichier n’est pas une image utilisable (JPEG, PNG, WebP, GIF ou AVIF).',
    failed: 'Cela n’a pas fonctionné. Réessayez.',
  },
  membership: {
    hide: 'Ne pas afficher ce groupe sur mon profil',
    hint: 'Les membres du groupe vous voient toujours dans sa liste de membres.',
    saved: 'Enregistré.',
  },
  mentions: {
    suggestions: 'Membres à mentionner',
    hint: 'Tapez @ puis un nom pour mentionner quelqu’un ; choisissez avec les flèches et Entrée.',
  },
};
