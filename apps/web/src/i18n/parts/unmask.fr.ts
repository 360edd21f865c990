import type { Messages } from '../messages';
import type { unmaskEn } from './unmask.en';

export const unmaskFr: Messages<typeof unmaskEn> = {
  title: 'Demander la levée de l’anonymat',
  explain:
    'Cette demande vise à savoir qui a écrit ce message anonyme. Une autre personne admin doit l’approuver ; seules vous deux verrez alors l’auteur·rice. La personne sera prévenue, avec votre raison. Les deux étapes figurent au journal de modération.',
  reason: 'Pourquoi vous devez le savoir (la personne lira ceci)',
  send: 'Envoyer la demande',
  sent: 'Demande envoyée. Une autre personne admin doit l’approuver.',
  listTitle: 'Demandes de levée d’anonymat',
  listIntro:
    'Les demandes pour savoir qui a écrit un message anonyme. Une personne admin qui n’a pas fait la demande l’approuve ; seules vous deux voyez alors l’auteur·rice.',
  none: 'Aucune demande de levée d’anonymat.',
  more: 'Afficher plus de demandes',
  thePost: 'Le message',
  postGone: 'Le message n’existe plus',
  someone: 'quelqu’un',
  askedBy: 'Demandée par {{name}} : « {{reason}} »',
  pending: 'En attente de l’approbation d’une personne admin.',
  approvedBy: 'Approuvée par {{name}}.',
  author: 'Écrit par {{name}} (@{{username}})',
  approve: 'Approuver',
  approveConfirm: 'Approuver ? Vous et la personne qui demande verrez qui a écrit le message, et cette personne sera prévenue du motif.',
  notification:
    'Deux membres de l’équipe ont appris que vous avez écrit votre message anonyme dans « {{topic}} ». La raison donnée : {{reason}}',
  anonymousHint:
    'Personne, équipe comprise, ne voit qui a écrit un message anonyme. La modération agit sur le message lui-même ; connaître son auteur·rice exige la demande d’une personne modératrice et l’approbation d’une autre personne admin, et la personne est prévenue.',
  anonymousReview: 'Retenir les messages anonymes pour relecture avant que d’autres les voient',
};
