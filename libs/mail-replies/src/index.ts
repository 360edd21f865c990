export { EmailOriginal } from './email-original.entity';
export { MailRepliesModule, ReplyAddressesModule } from './mail-replies.module';
export { ReplyAddress } from './reply-address.entity';
export { REPLY_ADDRESS_DAYS, ReplyAddresses } from './reply-addresses';
export type { ReplyTarget } from './reply-addresses';
export { replyText } from './reply-text';
