import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import type { UserDto } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';
import { HELD_NAME_DOMAIN } from './email-verification.service';
import { GROUP_ROLES_SQL, type GroupRolesSql } from './group-roles.port';
import { userColumns, userDtoFromRow } from './user-sql';

/** What a profile shows about a member besides other libs' parts (posts, groups). Never the email. */
export interface MemberProfile {
  user: UserDto;
  pronouns: string;
  bio: string;
  /** When the account was made; the profile shows its month only. */
  createdAt: Date;
}

/** Members whose profile exists: suspended and banned members keep theirs; pending and deleted ones have none. */
const HAS_PROFILE = `u.status IN ('active', 'suspended', 'banned')`;

/**
 * Leaves out accounts that cannot sign in for want of a verified address, and so have said nothing: a name held
 * at an unreadable address (registration with an address in use) always, others while the site requires
 * verification. Showing them would tell who registered (or that an address already had an account).
 */
function signsIn(verificationRequired: boolean): string {
  const unverified = `u.must_verify_email AND u.email_verified_at IS NULL`;
  const held = `u.email LIKE '%${HELD_NAME_DOMAIN}'`;
  return verificationRequired ? `NOT (${unverified})` : `NOT (${unverified} AND ${held})`;
}

/** Finding members by name: profiles and @-completion. Reads `users` (accounts' table) only. */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GROUP_ROLES_SQL) private readonly groupRoles: GroupRolesSql,
    private readonly settings: SettingsService,
  ) {}

  private async signsIn(): Promise<string> {
    return signsIn((await this.settings.get()).emailVerification === 'required');
  }

  /** The member a username names (case ignored), or null for an unknown, pending, deleted or never verified one. */
  async profile(username: string): Promise<MemberProfile | null> {
    if (username.length > 30) return null;
    const [row] = await this.dataSource.query<({ pronouns: string; bio: string } & object)[]>(
      `SELECT ${userColumns('u')}, u.pronouns, u.bio FROM users u WHERE u.username_key = $1 AND ${HAS_PROFILE} AND ${await this.signsIn()}`,
      [username.toLowerCase()],
    );
    if (!row) return null;
    const user = userDtoFromRow(row, 'u_');
    return { user, pronouns: row.pronouns, bio: row.bio, createdAt: new Date(user.createdAt) };
  }

  /**
   * Up to `limit` active members whose username or display name starts with `prefix` (case ignored), the
   * caller left out. `seeing(alias, groupRolesSql)` keeps only members it allows (those who may see a
   * private space); `first` (over alias `u`) puts some ahead (those taking part in the topic), then exact
   * and shorter usernames first.
   */
  async completions(
    prefix: string,
    options: { excludeUserId: string; limit: number; seeing?: (alias: string, groupRolesSql: string) => SqlScope; first?: SqlScope },
  ): Promise<UserDto[]> {
    const key = prefix.toLowerCase();
    const pattern = `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const seeing = options.seeing?.('u', this.groupRoles('u.id')) ?? { where: 'TRUE', params: {} };
    const first = options.first ?? { where: 'FALSE', params: {} };
    const sql = `SELECT ${userColumns('u')} FROM users u
      WHERE u.status = 'active' AND ${await this.signsIn()} AND u.id <> :excludeUserId
        AND (u.username_key LIKE :pattern ESCAPE '\\' OR lower(u.display_name) LIKE :pattern ESCAPE '\\')
        AND ${seeing.where}
      ORDER BY CASE WHEN ${first.where} THEN 0 ELSE 1 END, (u.username_key = :key) DESC, length(u.username_key), u.username_key
      LIMIT :limit`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, {
      ...seeing.params,
      ...first.params,
      excludeUserId: options.excludeUserId,
      pattern,
      key,
      limit: options.limit,
    });
    const rows = await this.dataSource.query<object[]>(text, values);
    return rows.map((row) => userDtoFromRow(row, 'u_'));
  }
}
