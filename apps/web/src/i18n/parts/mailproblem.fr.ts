import type { Messages } from '../messages';
import type { mailProblemEn } from './mailproblem.en';

export const mailProblemFr: Messages<typeof mailProblemEn> = {
  bounced: 'Les courriels envoyés à {{email}} nous reviennent non distribués depuis le {{date}} : nous avons cessé de vous en envoyer.',
  complained:
    'Un courriel que nous avons envoyé à {{email}} a été signalé comme indésirable le {{date}} : nous avons cessé de vous en envoyer.',
  securityStill: 'Les réinitialisations de mot de passe et les confirmations d’adresse partent toujours quand vous les demandez.',
  change: 'Changer mon adresse courriel',
  works: 'Mon adresse fonctionne de nouveau',
  failed: 'Cela n’a pas fonctionné. Veuillez réessayer.',
};
