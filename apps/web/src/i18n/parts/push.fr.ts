import type { Messages } from '../messages';
import type { pushEn } from './push.en';

export const pushFr: Messages<typeof pushEn> = {
  legend: 'Notifications push',
  device: 'Notifications push sur cet appareil',
  deviceHint:
    'Votre navigateur vous le demande d’abord. Chaque appareil s’active séparément ; le désactiver ici n’arrête que cet appareil.',
  unsupported: 'Ce navigateur ne peut pas recevoir de notifications push.',
  denied: 'Le navigateur a refusé : autorisez les notifications pour ce site dans ses réglages, puis réessayez.',
  failed: 'Impossible d’activer les notifications push. Réessayez plus tard.',
  failedOff: 'Impossible de désactiver les notifications push. Réessayez plus tard.',
  details: 'Afficher les détails dans les notifications push',
  detailsHint:
    'Désactivé : une notification dit seulement « Nouvelle activité ». Activé : elle dit qui a fait quoi, où, et cite un peu (le mode discret le garde désactivé).',
};
