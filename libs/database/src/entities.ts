import { PasswordReset, Session, SiteInvitation, User } from '@harbour/accounts';
import { RateLimitCounter, SiteSettings } from '@harbour/settings';

/** Every entity of every lib: the one list TypeORM, the migration generator and the drift test use. */
export const ENTITIES = [User, Session, PasswordReset, SiteInvitation, SiteSettings, RateLimitCounter];
