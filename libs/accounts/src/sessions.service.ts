import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import type { Caller } from '@harbour/access';
import { DomainEvents, hashToken, hotQuery, newToken } from '@harbour/common';
import { GROUP_ROLES_SQL, type GroupRolesSql } from './group-roles.port';
import { Session } from './session.entity';
import { User } from './user.entity';

const SESSION_DAYS = 30;
/** Touching last_used_at on every request would turn reads into writes; once in a while is enough. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly events: DomainEvents,
    @Inject(GROUP_ROLES_SQL) private readonly groupRoles: GroupRolesSql,
  ) {}

  /** Opens a session and returns its token (shown once; only its hash is kept). */
  async open(userId: string, userAgent: string | undefined, manager: EntityManager = this.sessions.manager): Promise<string> {
    const token = newToken();
    const now = new Date();
    await manager.insert(Session, {
      userId,
      tokenHash: hashToken(token),
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000),
      userAgent: userAgent?.slice(0, 200) ?? null,
    });
    return token;
  }

  /** The caller a token belongs to, or null when it is unknown, expired, revoked or its member is not active. */
  async authenticate(token: string, via: Caller['via']): Promise<Caller | null> {
    if (token.length === 0 || token.length > 100) return null;
    const rows = await this.callerRows('s.token_hash = $1', hashToken(token), 'session_caller');
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.manager.transaction(async (manager) => {
        await manager.update(Session, { id: row.session_id }, { lastUsedAt: new Date() });
        await manager.update(User, { id: row.user_id }, { lastSeenAt: new Date() });
      });
    }
    return toCaller(row, via);
  }

  /**
   * The caller of a session as it is now (group memberships change while a socket stays open), or null
   * when the session has ended meanwhile.
   */
  async reload(caller: Caller): Promise<Caller | null> {
    const rows = await this.callerRows('s.id = $1', caller.sessionId, 'session_caller_by_id');
    const row = rows[0];
    return row ? toCaller(row, caller.via) : null;
  }

  /** Plain SQL on the pool: this runs on every signed-in request, and the query builder's overhead showed in profiles. */
  private callerRows(where: string, value: string, name: string): Promise<CallerRow[]> {
    return hotQuery<CallerRow>(
      this.sessions.manager.connection,
      name,
      `SELECT s.id AS session_id, s.last_used_at, u.id AS user_id, u.username, u.role, u.locale,
              coalesce(u.silenced_until > now(), false) AS silenced,
              ${this.groupRoles('u.id')} AS groups
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE ${where} AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [value],
    );
  }

  /** Ends one session (logout); its open sockets are told and disconnected. */
  async revoke(caller: Caller): Promise<void> {
    await this.sessions.update({ id: caller.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.events.publish('SessionsRevoked', { userId: caller.userId, sessionIds: [caller.sessionId], reason: 'logout' });
  }

  /**
   * Signs a member out everywhere (password reset, suspension, ban), inside the caller's transaction.
   * The caller publishes SessionsRevoked once that transaction has committed.
   */
  async revokeAll(userId: string, manager: EntityManager = this.sessions.manager): Promise<void> {
    await manager.update(Session, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

interface CallerRow {
  session_id: string;
  last_used_at: Date;
  user_id: string;
  username: string;
  role: Caller['role'];
  locale: Caller['locale'];
  groups: Caller['groups'] | null;
  silenced: boolean;
}

function toCaller(row: CallerRow, via: Caller['via']): Caller {
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    locale: row.locale,
    sessionId: row.session_id,
    via,
    groups: row.groups ?? {},
    silenced: row.silenced,
  };
}
