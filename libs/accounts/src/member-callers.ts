import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';

/**
 * Members as the access module sees them, without a request: the recipients of notifications, emails and
 * digests, checked with the same `AccessService.can` as a caller. Only active members come back, so a
 * suspended member is told nothing. The session fields are empty: these callers never authenticate anything.
 */
@Injectable()
export class MemberCallers {
  constructor(private readonly dataSource: DataSource) {}

  async load(userIds: string[]): Promise<Map<string, Caller>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; username: string; role: Caller['role']; locale: Caller['locale']; groups: Caller['groups'] | null }[] =
      await this.dataSource.query(
        `SELECT u.id, u.username, u.role, u.locale,
                (SELECT json_object_agg(m.group_id, m.role) FROM group_members m WHERE m.user_id = u.id) AS groups
           FROM users u WHERE u.id = ANY($1::uuid[]) AND u.status = 'active'`,
        [[...new Set(userIds)]],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          userId: row.id,
          username: row.username,
          role: row.role,
          locale: row.locale,
          groups: row.groups ?? {},
          sessionId: '',
          via: 'bearer',
          silenced: false,
        },
      ]),
    );
  }
}
