export { AccessModule } from './access.module';
export { AccessService } from './access.service';
export type { AccessQuestion, CategoryRef, GroupRef, PostRef, SiteRules } from './access.service';
export { Authenticated, CurrentCaller, EvenWhenSilenced, Public, PUBLIC_KEY } from './access.decorators';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './caller';
export type { Caller } from './caller';
export { hasPermission, isStaff } from './permissions';
export type { Permission } from './permissions';
