import { useEffect } from 'react';
import type { MeDto } from '@harbour/contracts';
import { keepPushSubscription } from '../features/push/push-device';
import { AlertListener } from '../features/alerts/components/alert-listener';
import { EmailProblemBanner } from '../features/account/components/email-problem-banner';
import { MessagesLink } from '../features/conversations/components/messages-link';
import { WarningBanner } from '../features/moderation/components/warning-banner';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { StaffTwoFactorNotice } from '../features/two-factor/components/staff-two-factor-notice';
import { AccountMenu } from './account-menu';

/*
 * What the layout shows only to a signed-in member, in one chunk the layout loads lazily: a guest's first load
 * (issue 18's ≤ 120 KB budget on a weak phone) never downloads or runs the menus, the bell and their API hooks.
 */

/** The header's links for a member: messages, notifications and the account menu. */
export function MemberNav({ me }: { me: MeDto }) {
  // This device's push subscription, renewed by the browser since the last visit, is registered again.
  useEffect(() => void keepPushSubscription().catch(() => undefined), []);
  return (
    <>
      <MessagesLink />
      <NotificationBell />
      <AccountMenu me={me} />
    </>
  );
}

/** The notices at the top of a member's page: drug-supply alerts, a moderator's warning, staff without two-factor sign-in, mail that stopped. */
export function MemberNotices() {
  return (
    <>
      <AlertListener />
      <WarningBanner />
      <StaffTwoFactorNotice />
      <EmailProblemBanner />
    </>
  );
}
