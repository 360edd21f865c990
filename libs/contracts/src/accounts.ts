/** Types of the API's JSON, shared by the server's mappers and the web client. See shared/api.md. */

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The public shape of a member: never carries the email. */
export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  createdAt: string;
  /** Same-origin; a picture generated from the username when the member has uploaded none. */
  avatarUrl: string;
}

export const MESSAGES_FROM = ['everyone', 'groups', 'nobody'] as const;
/** Who may start a private conversation with a member: anyone, members of a group they share, or nobody. */
export type MessagesFrom = (typeof MESSAGES_FROM)[number];

/** The member themself (`GET /api/me`). */
/** Why mail no longer goes to a member's address: refused for good by its server, or marked as spam by them. */
export type EmailProblemKind = 'bounced' | 'complained';

export interface MeDto extends UserDto {
  email: string;
  emailVerified: boolean;
  locale: Locale;
  pronouns: string;
  bio: string;
  messagesFrom: MessagesFrom;
  discreet: boolean;
  /** The quick exit also signs this member out (a shared phone): their choice, off by default. */
  signOutOnQuickExit: boolean;
  twoFactor: boolean;
  /** Drug-supply alerts: the regions whose alerts reach the member. */
  alertRegions: string[];
  /** The member unsubscribed from alerts: none reaches them, by any way. */
  alertsOff: boolean;
  /** On the alert team (admins are): may publish, edit and retract alerts and read reports. */
  alertTeam: boolean;
  /**
   * Mail to the member's address bounced or was marked as spam: none but account-security mail goes to it until
   * they change it or say it works again (`DELETE /api/me/email-problem`).
   */
  emailProblem: { kind: EmailProblemKind; at: string } | null;
}

/** A member as admins see them (`GET /api/admin/users`). */
export interface AdminUserDto extends UserDto {
  email: string;
  status: 'active' | 'pending' | 'suspended' | 'banned' | 'deleted';
  lastSeenAt: string | null;
  sanctions: { id: string; type: string; until: string | null }[];
}

export interface AuthResultDto {
  user: MeDto;
  token: string;
}

/** Registration that gives no session yet: waiting for an admin (`pending`) or for the emailed link (`verify_email`). */
export interface PendingRegistrationDto {
  status: 'pending' | 'verify_email';
}

export interface PageDto<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ErrorDto {
  statusCode: number;
  message: string | string[];
  error: string;
  /** Sign-in with two-factor on, without a right code: ask for one (api.md 1.1). */
  totpRequired?: boolean;
}

/** An invitation to register on an invitation-only site (`/api/admin/invitations`). */
export interface SiteInvitationDto {
  id: string;
  email: string | null;
  createdAt: string;
  expiresAt: string;
  /** When its last use was spent (a one-use link: when it was used); null while it may still be used. */
  usedAt: string | null;
  /** How many accounts the link may open, and how many it has opened. */
  uses: number;
  usedCount: number;
}

/** Answer to creating an invitation: the link is shown once, for sharing by other means. */
export interface CreatedSiteInvitationDto {
  id: string;
  token: string;
  link: string;
}

// Request bodies (`…Body`) and query strings (`…Query`): the server's DTOs implement them exactly.

/** Every paged list: `?cursor=…&limit=…`. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export interface RegisterBody {
  username: string;
  email: string;
  password: string;
  locale?: Locale;
  /** The token of a site invitation, required while registration is by invitation only. */
  invitation?: string;
}

export interface LoginBody {
  /** A username or an email address. */
  login: string;
  password: string;
  totp?: string;
}

export interface PasswordResetRequestBody {
  email: string;
}

export interface PasswordResetConfirmBody {
  token: string;
  password: string;
}

export interface UpdateMeBody {
  displayName?: string;
  pronouns?: string;
  bio?: string;
  locale?: Locale;
  messagesFrom?: MessagesFrom;
  discreet?: boolean;
  signOutOnQuickExit?: boolean;
}

export interface UpdateUserRoleBody {
  role: Role;
}

export interface CreateSiteInvitationBody {
  /** Mail the link here; without it, the admin shares the returned link themself. */
  email?: string;
  locale?: Locale;
  /** How many accounts the link may open (default 1; more only for a link that is not mailed). */
  uses?: number;
  /** Days until the link stops working (default 14, at most 90). */
  validDays?: number;
}

/** `POST /api/admin/users`: an admin makes an account; its owner is mailed a link to choose a password. */
export interface CreateAccountBody {
  username: string;
  email: string;
  locale?: Locale;
}

export interface ListUsersQuery extends PageQuery {
  /** Part of a username or an email address. */
  q?: string;
}
