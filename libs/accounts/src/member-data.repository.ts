import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/** A row as the export writes it (column aliases are the JSON keys). */
type Row = Record<string, unknown>;

/** A password hash no password verifies against (argon2 refuses to parse it): the account cannot sign in. */
const UNUSABLE_PASSWORD = '!deleted';

/** The account row as the deletion starts: who they were, for every part to find its rows. */
export interface DeletableUser {
  id: string;
  email: string;
  username: string;
  display_name: string;
  role: string;
}

/**
 * What accounts hold about a member (their account row, sessions, tokens, recovery codes, blocks both ways,
 * avatar, invitations addressed to them) for the export and the deletion (README, "Leaving"). The row
 * itself stays, as `deleted-<n>` with nothing that identified the person, so posts kept anonymously still
 * have an author and the moderation log still points somewhere.
 */
@Injectable()
export class AccountsMemberData implements MemberDataPart {
  readonly name = 'accounts';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  /** The member's row, locked for the deletion; null once deleted (a second deletion waits here, then finds none). */
  async lockForDeletion(userId: string, manager: EntityManager): Promise<DeletableUser | null> {
    const rows = await manager.query<DeletableUser[]>(
      `SELECT id, email, username, display_name, role FROM users WHERE id = $1 AND status <> 'deleted' FOR UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The next anonymous number: `deleted-<n>` is never reused, so two deletions never share a name. */
  async nextDeletedNumber(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ n: string }[]>(`SELECT nextval('deleted_member_seq') AS n`);
    return Number(row?.n);
  }

  /** Active admins other than this member (the last admin may not leave). */
  async otherAdmins(userId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND status = 'active' AND id <> $1`,
      [userId],
    );
    return row?.count ?? 0;
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const db = this.dataSource.manager;
    const [profile] = await db.query<Record<string, unknown>[]>(
      `SELECT username, display_name AS "displayName", email, email_verified_at IS NOT NULL AS "emailVerified", pronouns, bio, locale,
              role, status, created_at AS "createdAt", last_seen_at AS "lastSeenAt", messages_from AS "messagesFrom", discreet,
              sign_out_on_quick_exit AS "signOutOnQuickExit", totp_secret IS NOT NULL AS "twoFactor"
         FROM users WHERE id = $1`,
      [userId],
    );
    const sessions = await db.query<Row[]>(
      `SELECT created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
              user_agent AS "userAgent"
         FROM sessions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const blocks = await db.query<Row[]>(
      `SELECT u.username, b.created_at AS "blockedAt" FROM user_blocks b JOIN users u ON u.id = b.blocked_id
        WHERE b.blocker_id = $1 ORDER BY b.created_at`,
      [userId],
    );
    const invitations = await db.query<Row[]>(
      `SELECT email, created_at AS "createdAt", used_at AS "usedAt" FROM site_invitations WHERE created_by = $1 ORDER BY created_at`,
      [userId],
    );
    const avatars = await db.query<{ size: number; bytes: Buffer }[]>('SELECT size, bytes FROM user_avatars WHERE user_id = $1', [userId]);
    const files: Record<string, ExportFile> = {
      'profile.json': { ...profile, sessions, blocks, siteInvitationsSent: invitations },
    };
    for (const avatar of avatars) files[`uploads/avatar-${avatar.size}.webp`] = new Uint8Array(avatar.bytes);
    return files;
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<void> {
    const { userId } = member;
    for (const table of ['sessions', 'password_resets', 'email_tokens', 'recovery_codes', 'user_avatars']) {
      await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
    await manager.query('DELETE FROM user_blocks WHERE blocker_id = $1 OR blocked_id = $1', [userId]);
    await manager.query('DELETE FROM site_invitations WHERE email = $1', [member.email]);
    // Every personal column back to its empty value; the avatar version moves on (negative: the generated picture)
    // so no browser shows a cached upload under a URL still in use.
    await manager.query(
      `UPDATE users SET username = $2, username_key = $2, display_name = $2, email = $3, password_hash = $4, status = 'deleted',
              role = 'member', pronouns = '', bio = '', email_verified_at = NULL, must_verify_email = false,
              messages_from = 'nobody', discreet = false, sign_out_on_quick_exit = false, avatar_version = -(abs(avatar_version) + 1), totp_secret = NULL,
              totp_pending_secret = NULL, totp_last_step = NULL, last_seen_at = NULL, silenced_until = NULL, suspended_until = NULL
        WHERE id = $1`,
      [userId, member.anonymous.username, member.anonymous.email, UNUSABLE_PASSWORD],
    );
  }
}
