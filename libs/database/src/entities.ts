import { EmailToken, PasswordReset, RecoveryCode, Session, SiteInvitation, User, UserAvatar, UserBlock } from '@harbour/accounts';
import { ModerationLogEntry } from '@harbour/audit';
import { Alert, AlertRegion, AlertReport, AlertSubscription, AlertTeamMember } from '@harbour/alerts';
import { Draft } from '@harbour/drafts';
import { Conversation, ConversationParticipant, Message, MessageRevision, MessageUpload } from '@harbour/conversations';
import {
  Bookmark,
  Category,
  CategoryNotificationLevel,
  Mention,
  Post,
  PostRevision,
  PostUpload,
  Reaction,
  Topic,
  TopicNotice,
  TopicNotificationLevel,
  TopicRead,
  TopicRedirect,
} from '@harbour/forum';
import { Group, GroupInvitation, GroupMember, JoinRequest } from '@harbour/groups';
import { DeliveredMail } from '@harbour/mail';
import { EmailOriginal, ReplyAddress } from '@harbour/mail-replies';
import { Mailing, MailingDelivery, Subscriber } from '@harbour/mailings';
import { Flag, ModeratorNote, ReviewItem, Sanction, UnmaskRequest } from '@harbour/moderation';
import { Notification, NotificationSettings } from '@harbour/notifications';
import { PushKeyPair, PushSubscription } from '@harbour/push';
import { RateLimitCounter, SiteLogo, SiteSettings, WatchedWord } from '@harbour/settings';
import { Upload } from '@harbour/uploads';

/** Every entity of every lib: the one list TypeORM, the migration generator and the drift test use. */
export const ENTITIES = [
  User,
  Session,
  PasswordReset,
  SiteInvitation,
  EmailToken,
  RecoveryCode,
  UserBlock,
  UserAvatar,
  SiteSettings,
  SiteLogo,
  RateLimitCounter,
  Category,
  Topic,
  Post,
  PostRevision,
  PostUpload,
  Reaction,
  Mention,
  Bookmark,
  TopicRead,
  TopicNotificationLevel,
  CategoryNotificationLevel,
  TopicNotice,
  TopicRedirect,
  Group,
  GroupMember,
  GroupInvitation,
  JoinRequest,
  Notification,
  NotificationSettings,
  PushSubscription,
  PushKeyPair,
  ReviewItem,
  UnmaskRequest,
  Flag,
  Sanction,
  ModerationLogEntry,
  ModeratorNote,
  WatchedWord,
  Subscriber,
  Mailing,
  MailingDelivery,
  DeliveredMail,
  ReplyAddress,
  EmailOriginal,
  Conversation,
  ConversationParticipant,
  Message,
  MessageRevision,
  MessageUpload,
  Upload,
  PostUpload,
  Alert,
  AlertReport,
  AlertSubscription,
  AlertTeamMember,
  AlertRegion,
  Draft,
];
