export { DeliveredMail } from './delivered-mail.entity';
export { MailModule } from './mail.module';
export { MailService, SEND_MAIL_JOB } from './mail.service';
export { MailTransport } from './mail.transport';
export type { OutgoingMail } from './mail.transport';
export { OutboxController } from './outbox.controller';
export { invitationMail } from './templates/invitation.mail';
export { accountCreatedMail } from './templates/account-created.mail';
export { passwordResetMail } from './templates/password-reset.mail';
export { groupInvitationMail } from './templates/group-invitation.mail';
export { contentWarningLine, notificationMail, notificationSentence } from './templates/notification.mail';
export type { NotificationMailInput } from './templates/notification.mail';
export { topicBatchMail, type BatchItem } from './templates/topic-batch.mail';
export { digestMail } from './templates/digest.mail';
export { REPLY_MARKER, withReplyAddress } from './templates/reply-by-email';
export { DISCREET_SENDER, discreetMail, isDiscreetForMail, type DiscreetMailInput } from './templates/discreet.mail';
export { sanctionMail } from './templates/sanction.mail';
export { alertMail } from './templates/alert.mail';
export type { AlertMailInput } from './templates/alert.mail';
export type { SanctionMailInput } from './templates/sanction.mail';
export { mailingMail } from './templates/mailing.mail';
export type { MailingContent, MailingLinks, MailingSender } from './templates/mailing.mail';
export { subscriptionConfirmationMail } from './templates/subscription-confirmation.mail';
export {
  addressInUseMail,
  confirmEmailChangeMail,
  emailChangeNoticeMail,
  passwordChangedMail,
  verifyEmailMail,
} from './templates/account-email.mail';
export { bounceToken, openBounceToken, type BounceTarget } from './verp';
