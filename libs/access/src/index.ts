export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type {
  AccessAction,
  AccessQuestion,
  CategoryRef,
  ConversationRef,
  DraftPlace,
  GroupRef,
  PostRef,
  RecipientRef,
  SiteRules,
  TopicRef,
} from './access-questions';
export type { SqlScope } from './sql-scopes';
export { Authenticated, CurrentCaller, EvenWhenSilenced, Public, PUBLIC_KEY } from './access.decorators';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './caller';
export type { Caller } from './caller';
export { hasPermission } from './permissions';
export { actingRole } from './staff-two-factor';
export type { StaffTwoFactorFacts } from './staff-two-factor';
export type { Permission } from './permissions';
