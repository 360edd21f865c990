import type { AdminUserDto, MeDto, UserDto } from '@harbour/contracts';
import type { User } from './user.entity';

/** The public shape: every field that may leave the server about a member, and nothing else. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

/** For the member themself. */
export function toMeDto(user: User): MeDto {
  return { ...toUserDto(user), email: user.email, locale: user.locale };
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
