import type { Messages } from '../messages';
import type { blocksEn } from './blocks.en';

export const blocksFr: Messages<typeof blocksEn> = {
  title: 'Membres bloqués',
  intro:
    'Vous ne recevez ni notification, ni mention, ni message privé d’un membre que vous bloquez, et ses messages s’affichent repliés pour vous. Il n’en est pas informé.',
  empty: 'Vous n’avez bloqué personne.',
  loadFailed: 'Impossible de charger vos membres bloqués. Réessayez.',
  unblock: 'Débloquer',
  unblockName: 'Débloquer {{name}}',
  unblocked: '{{name}} n’est plus bloqué·e.',
  block: 'Bloquer',
  blockName: 'Bloquer {{name}}',
  blockConfirm:
    'Bloquer {{name}} ? Vous ne recevrez plus ni notification, ni mention, ni message privé de sa part, et ses messages s’afficheront repliés pour vous. Cette personne n’en sera pas informée.',
  blockedNotice: 'Vous avez bloqué {{name}}. Cette personne n’en est pas informée.',
  failed: 'Cela n’a pas fonctionné. Réessayez.',
  collapsed: 'Message d’un membre que vous avez bloqué.',
  show: 'Afficher',
  hide: 'Replier',
  showLabel: 'Afficher le message d’un membre que vous avez bloqué',
  collapsedHit: 'Résultat d’un membre que vous avez bloqué.',
};
