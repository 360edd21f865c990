import type { Role } from '@harbour/contracts';

/**
 * What a member's account says about two-factor, and what the site requires of its staff (`staffTwoFactor`).
 */
export interface StaffTwoFactorFacts {
  /** The role stored on the account. */
  role: Role;
  /** The member has confirmed two-factor authentication. */
  twoFactor: boolean;
  /** The site requires two-factor of its moderators and admins. */
  staffTwoFactor: boolean;
}

/**
 * Staff powers are given only to staff who use two-factor while the site requires it: a stolen password alone
 * must never open the moderation tools or the admin pages.
 */
export function keepsStaffPowers(facts: StaffTwoFactorFacts): boolean {
  return facts.role !== 'member' && (facts.twoFactor || !facts.staffTwoFactor);
}

/**
 * The site role a member acts with: their account's role, except that a moderator or admin who has not turned
 * on two-factor acts as a member while the site requires it. Callers are built with this role, so every
 * permission, question, `can` flag and SQL scope follows without a second rule; turning two-factor on (which any
 * member may do) gives the powers back on the next request.
 */
export function actingRole(facts: StaffTwoFactorFacts): Role {
  return facts.role === 'member' || keepsStaffPowers(facts) ? facts.role : 'member';
}
