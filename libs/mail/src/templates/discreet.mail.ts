import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { memberMail, type UnsubscribeLinks } from './layout';

/**
 * The From display name of a discreet member's mail, in place of the site's name (which, for a harm-reduction
 * network, says what the mail is about to whoever glances at a shared phone's inbox). The address stays: a
 * changed address would fail SPF/DKIM alignment and land in spam, and the member must be able to trust it.
 */
export const DISCREET_SENDER = 'Notifications';

const TEXT = {
  en: {
    subject: 'You have new activity',
    intro: 'Something new is waiting for you.',
    message: 'New message',
    open: 'Open it',
    stop: 'Stop emails like this one',
    choose: 'Choose which emails you get',
  },
  fr: {
    subject: 'Vous avez du nouveau',
    intro: 'Du nouveau vous attend.',
    message: 'Nouveau message',
    open: 'Ouvrir',
    stop: 'Ne plus recevoir ce genre de courriel',
    choose: 'Choisir les courriels que vous recevez',
  },
} as const;

/** What a discreet email needs: where it goes, in which language, its one link and how to stop it. */
export interface DiscreetMailInput extends UnsubscribeLinks {
  to: string;
  locale: Locale;
  /** A neutral page of the site (the notifications list), never an address that names a topic, group or alert. */
  link: string;
  /** `message`: "New message" (a private conversation); otherwise "You have new activity". */
  kind?: 'activity' | 'message';
}

/**
 * The whole of an email to a member in discreet mode (api.md 1.1), whatever it is about (a notification, a
 * digest, an alert): no site name, no names, titles or words of posts; a neutral sender name; one link.
 */
export function discreetMail(input: DiscreetMailInput): OutgoingMail {
  const t = TEXT[input.locale];
  const subject = input.kind === 'message' ? t.message : t.subject;
  const intro = input.kind === 'message' ? `${t.message}.` : t.intro;
  return {
    ...memberMail(input.to, subject, { text: [intro], html: `<p>${intro}</p>` }, { label: t.open, url: input.link }, t, input),
    fromName: DISCREET_SENDER,
  };
}

/** A member is discreet by email when they chose discreet mode (users.discreet) or discreet emails (notification settings). */
export function isDiscreetForMail(member: { discreet: boolean; discreetEmails?: boolean }): boolean {
  return member.discreet || member.discreetEmails === true;
}
