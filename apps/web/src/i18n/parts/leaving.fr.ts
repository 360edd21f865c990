import type { Messages } from '../messages';
import type { leavingEn } from './leaving.en';

export const leavingFr: Messages<typeof leavingEn> = {
  exportTitle: 'Exporter vos données',
  deleteTitle: 'Supprimer votre compte',
};
