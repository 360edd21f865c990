import type { AdminUserDto, MeDto, UserDto } from '@harbour/contracts';
import type { User } from './user.entity';

/**
 * Where a member's picture is served (same origin, never a third party). The version changes with each
 * upload so the picture may be cached for good; version 0 is the picture generated from the username.
 */
export function avatarUrl(userId: string, version: number): string {
  return `/api/avatars/${userId}?v=${version}`;
}

/** The public shape: every field that may leave the server about a member, and nothing else. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    avatarUrl: avatarUrl(user.id, user.avatarVersion ?? 0),
  };
}

/** For the member themself. */
export function toMeDto(user: User): MeDto {
  return {
    ...toUserDto(user),
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    locale: user.locale,
    pronouns: user.pronouns,
    bio: user.bio,
    messagesFrom: user.messagesFrom,
    discreet: user.discreet,
    signOutOnQuickExit: user.signOutOnQuickExit,
    twoFactor: user.totpSecret !== null,
    // Alerts' fields (libs/alerts fills them through MeParts): nothing until then.
    alertRegions: [],
    alertsOff: false,
    alertTeam: false,
    emailProblem: user.emailProblem && user.emailProblemAt ? { kind: user.emailProblem, at: user.emailProblemAt.toISOString() } : null,
  };
}

/** For admins. */
export function toAdminUserDto(user: User): AdminUserDto {
  return {
    ...toUserDto(user),
    email: user.email,
    status: user.status,
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    sanctions: [],
  };
}
