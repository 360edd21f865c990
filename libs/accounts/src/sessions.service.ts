import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@harbour/access';
import { DomainEvents, hashToken, newToken } from '@harbour/common';
import { SettingsService } from '@harbour/settings';
import { callerFrom } from './caller-columns';
import { SessionRepository, type SessionCallerRow } from './session.repository';
import { UserRepository } from './user.repository';

const SESSION_DAYS = 30;
/** Touching last_used_at on every request would turn reads into writes; once in a while is enough. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
    private readonly settings: SettingsService,
  ) {}

  /** Opens a session and returns its token (shown once; only its hash is kept). */
  async open(userId: string, userAgent: string | undefined, manager?: EntityManager): Promise<string> {
    const token = newToken();
    const now = new Date();
    await this.sessions.insert(
      {
        userId,
        tokenHash: hashToken(token),
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + SESSION_DAYS * 86400_000),
        userAgent: userAgent?.slice(0, 200) ?? null,
      },
      manager,
    );
    return token;
  }

  /** The caller a token belongs to, or null when it is unknown, expired, revoked or its member is not active. */
  async authenticate(token: string, via: Caller['via']): Promise<Caller | null> {
    if (token.length === 0 || token.length > 100) return null;
    const row = await this.sessions.callerBy('token_hash', hashToken(token));
    if (!row) return null;
    if (Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await this.dataSource.transaction(async (manager) => {
        await this.sessions.touch(row.session_id, manager);
        await this.users.touchLastSeen(row.user_id, manager);
      });
    }
    return this.toCaller(row, via);
  }

  /**
   * The caller of a session as it is now (group memberships change while a socket stays open), or null
   * when the session has ended meanwhile.
   */
  async reload(caller: Caller): Promise<Caller | null> {
    const row = await this.sessions.callerBy('id', caller.sessionId);
    return row ? this.toCaller(row, caller.via) : null;
  }

  /** Ends one session (logout); its open sockets are told and disconnected. */
  async revoke(caller: Caller): Promise<void> {
    await this.sessions.revoke(caller.sessionId);
    this.events.publish('SessionsRevoked', { userId: caller.userId, sessionIds: [caller.sessionId], reason: 'logout' });
  }

  /**
   * Signs a member out everywhere (password reset, suspension, ban), inside the caller's transaction.
   * The caller publishes SessionsRevoked once that transaction has committed.
   */
  async revokeAll(userId: string, manager?: EntityManager): Promise<void> {
    await this.sessions.revokeAll(userId, manager);
  }

  /** The site's staffTwoFactor setting (cached two seconds) decides the role staff act with. */
  private async toCaller(row: SessionCallerRow, via: Caller['via']): Promise<Caller> {
    const { staffTwoFactor } = await this.settings.get();
    return callerFrom(row, { sessionId: row.session_id, via, silenced: row.silenced }, staffTwoFactor);
  }
}
