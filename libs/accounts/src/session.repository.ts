import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { hotQuery } from '@harbour/common';
import { callerColumns, type CallerColumnsRow } from './caller-columns';
import { GROUP_ROLES_SQL, type GroupRolesSql } from './group-roles.port';
import { Session } from './session.entity';

/** A live session with its member as the access module needs them. */
export interface SessionCallerRow extends CallerColumnsRow {
  session_id: string;
  last_used_at: Date;
  silenced: boolean;
}

/** Sessions: all SQL on `sessions` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class SessionRepository {
  private readonly callerSelect: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GROUP_ROLES_SQL) groupRoles: GroupRolesSql,
  ) {
    this.callerSelect = `SELECT s.id AS session_id, s.last_used_at, ${callerColumns('u', groupRoles)},
              coalesce(u.silenced_until > now(), false) AS silenced
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`;
  }

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(
    fields: Pick<Session, 'userId' | 'tokenHash' | 'lastUsedAt' | 'expiresAt' | 'userAgent'>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.db(manager).insert(Session, fields);
  }

  /**
   * The live session with this token hash (or id) and its active member, in one query. Plain SQL on the pool:
   * this runs on every signed-in request, and the query builder's overhead showed in profiles.
   */
  async callerBy(column: 'token_hash' | 'id', value: string): Promise<SessionCallerRow | null> {
    const rows = await hotQuery<SessionCallerRow>(
      this.dataSource,
      column === 'token_hash' ? 'session_caller' : 'session_caller_by_id',
      `${this.callerSelect} AND s.${column} = $1`,
      [value],
    );
    return rows[0] ?? null;
  }

  async touch(id: string, manager: EntityManager): Promise<void> {
    await manager.update(Session, { id }, { lastUsedAt: new Date() });
  }

  async revoke(id: string): Promise<void> {
    await this.db().update(Session, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * The member's live sessions, most recently used first (their own list: no IP is ever stored to show). A
   * hundred at most: sessions last 30 days, and a script signing in in a loop must not make the page unusable.
   */
  listLive(userId: string): Promise<Session[]> {
    return this.db()
      .createQueryBuilder(Session, 's')
      .where('s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > now()', { userId })
      .orderBy('s.lastUsedAt', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .limit(100)
      .getMany();
  }

  /** A live session by id, whoever's it is (the caller asks access whether it may end it). */
  findLive(id: string): Promise<Session | null> {
    return this.db().createQueryBuilder(Session, 's').where('s.id = :id AND s.revokedAt IS NULL AND s.expiresAt > now()', { id }).getOne();
  }

  /** Revokes the member's live sessions but one (null: all of them) and returns the ids it revoked. */
  async revokeAllBut(userId: string, keepId: string | null, manager?: EntityManager): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const [rows] = await this.db(manager).query<[{ id: string }[], number]>(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND ($2::uuid IS NULL OR id <> $2::uuid)
        RETURNING id`,
      [userId, keepId],
    );
    return rows.map((row) => row.id);
  }

  /** Revokes one live session of the member; true when there was one to revoke. */
  async revokeOwn(userId: string, id: string): Promise<boolean> {
    const result = await this.db().update(Session, { id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async revokeAll(userId: string, manager?: EntityManager): Promise<void> {
    await this.db(manager).update(Session, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
