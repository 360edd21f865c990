import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import { SettingsService } from '@harbour/settings';
import { callerColumns, callerFrom, type CallerColumnsRow } from './caller-columns';
import { GROUP_ROLES_SQL, type GroupRolesSql } from './group-roles.port';

/**
 * Members as the access module sees them, without a request: the recipients of notifications, emails and
 * digests, checked with the same `AccessService.can` as a caller. Only active members come back, so a
 * suspended member is told nothing (unless `anyStatus` asks what a member's role was, e.g. for an edit they made).
 * The session fields are empty: these callers never authenticate anything (`silenced` is read from the member).
 */
@Injectable()
export class MemberCallers {
  private readonly sql: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GROUP_ROLES_SQL) groupRoles: GroupRolesSql,
    private readonly settings: SettingsService,
  ) {
    this.sql = `SELECT ${callerColumns('u', groupRoles)}, coalesce(u.silenced_until > now(), false) AS silenced
                  FROM users u WHERE u.id = ANY($1::uuid[])`;
  }

  async load(userIds: string[], options: { anyStatus?: boolean } = {}): Promise<Map<string, Caller>> {
    if (userIds.length === 0) return new Map();
    const rows: (CallerColumnsRow & { silenced: boolean })[] = await this.dataSource.query(
      options.anyStatus ? this.sql : `${this.sql} AND u.status = 'active'`,
      [[...new Set(userIds)]],
    );
    const { staffTwoFactor } = await this.settings.get();
    // A silenced member is one here too: a reply by email writes, and must be refused as one from the web is.
    return new Map(
      rows.map((row) => [row.user_id, callerFrom(row, { sessionId: '', via: 'bearer', silenced: row.silenced }, staffTwoFactor)]),
    );
  }
}
