export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type { AccessAction, AccessQuestion, CategoryRef, GroupRef, PostRef, SiteRules, TopicRef } from './access-questions';
export type { SqlScope } from './sql-scopes';
export { Authenticated, CurrentCaller, EvenWhenSilenced, Public, PUBLIC_KEY } from './access.decorators';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './caller';
export type { Caller } from './caller';
export { hasPermission } from './permissions';
export type { Permission } from './permissions';
