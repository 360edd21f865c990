import type { OutgoingMail } from '../mail.transport';
import { linkMail } from './layout';

/**
 * An emailed group invitation. The address's language is unknown (it may not be a member yet), so the
 * message speaks English then French. It names the group and the inviter's pseudonym, nothing else: no
 * content of the group's spaces ever leaves in mail to a non-member.
 */
export function groupInvitationMail(to: string, siteName: string, groupName: string, inviter: string, link: string): OutgoingMail {
  return linkMail(
    to,
    {
      subject: `${inviter} invites you to ${groupName} on ${siteName} · ${inviter} vous invite dans ${groupName}`,
      intro:
        `${inviter} invites you to join the group “${groupName}” on ${siteName}. Sign in or create an account ` +
        `(a pseudonym is fine), then accept.\n\n` +
        `${inviter} vous invite à rejoindre le groupe « ${groupName} » sur ${siteName}. Connectez-vous ou créez un ` +
        `compte (un pseudonyme convient), puis acceptez.`,
      expiry: 'This invitation works once, within 14 days. · Cette invitation fonctionne une fois, pendant 14 jours.',
      action: 'Accept / Accepter',
    },
    link,
  );
}
