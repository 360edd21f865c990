import type { Messages } from '../messages';
import type { profilesEn } from './profiles.en';

export const profilesFr: Messages<typeof profilesEn> = {
  title: 'Profil',
};
