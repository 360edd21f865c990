export { MailModule } from './mail.module';
export { MailService, SEND_MAIL_JOB } from './mail.service';
export type { OutgoingMail } from './mail.transport';
export { OutboxController } from './outbox.controller';
export { invitationMail } from './templates/invitation.mail';
export { passwordResetMail } from './templates/password-reset.mail';
export { groupInvitationMail } from './templates/group-invitation.mail';
