import type { Messages } from '../messages';
import type { blocksEn } from './blocks.en';

export const blocksFr: Messages<typeof blocksEn> = {
  title: 'Membres bloqués',
};
