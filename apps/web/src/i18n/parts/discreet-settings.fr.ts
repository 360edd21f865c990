import type { Messages } from '../messages';
import type { discreetSettingsEn } from './discreet-settings.en';

export const discreetSettingsFr: Messages<typeof discreetSettingsEn> = {
  legend: 'Mode discret',
  hint: 'Pour un téléphone ou un ordinateur partagé.',
  discreet: 'Mode discret',
  discreetHint:
    'L’onglet affiche « Notes » et une icône neutre au lieu du nom du site, et chaque courriel et notification push dit seulement qu’il y a du nouveau, sans nom, titre ni mot.',
  signOut: 'Me déconnecter quand j’utilise la sortie rapide',
  signOutHint:
    'Le bouton de sortie rapide, ou Échap pressé trois fois, quitte le site tout de suite ; avec ceci, votre session prend fin aussi.',
  adminLegend: 'Sortie rapide',
  quickExitUrl: 'Adresse de la sortie rapide',
  quickExitUrlHint: 'Où mène la sortie rapide : une page neutre commençant par https:// (un moteur de recherche, la météo).',
};
