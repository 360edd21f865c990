import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { NotAuthenticatedError } from '@harbour/common';
import type { EmailProblemKind, Locale } from '@harbour/contracts';
import { User } from './user.entity';

/** A member's state as their standing sanctions make it (moderation computes it; accounts stores it). */
export interface UserStanding {
  silencedUntil: Date | null;
  /** A standing suspension; `suspendedUntil` is null when it has no end. */
  suspended: boolean;
  suspendedUntil: Date | null;
  banned: boolean;
}

/** Serialises "is this the first account?" so that two first registrations cannot both become admin. */
const FIRST_ACCOUNT_LOCK = 728_301;

/** Members: all SQL on `users` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.db(manager).findOneBy(User, { id });
  }

  /** A member who may sign in, or null (for reports and invitations: nobody may act on a suspended member). */
  findActiveById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.db(manager).findOneBy(User, { id, status: 'active' });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<User[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.db(manager).findBy(User, { id: In([...new Set(ids)]) });
  }

  /** By username, ignoring case; active members only. */
  findActiveByUsername(username: string, manager?: EntityManager): Promise<User | null> {
    return this.db(manager).findOneBy(User, { usernameKey: username.toLowerCase(), status: 'active' });
  }

  /** By address, already lower-cased; active members only (password resets). */
  findActiveByEmail(email: string): Promise<User | null> {
    return this.db().findOneBy(User, { email, status: 'active' });
  }

  /**
   * Locks the member's row for a write of their own, inside its transaction: false once the account is deleted.
   * A deletion locks the row first (lockForDeletion), so a write racing it waits here and then finds it gone,
   * and nothing is written behind the erasure.
   */
  async lockUnlessDeleted(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT id FROM users WHERE id = $1 AND status <> 'deleted' FOR NO KEY UPDATE`, [id]);
    return rows.length > 0;
  }

  /**
   * Like lockUnlessDeleted, for writes about the member that need not take turns with each other (their posts,
   * messages, reports): a KEY SHARE lock waits only for a deletion holding the row, then sees it gone and refuses
   * the write (401: the writer is gone). Taken first in the writing transaction, in the deletion's order
   * (account, then rows), so the two never deadlock.
   */
  async holdWriter(id: string, manager: EntityManager): Promise<void> {
    const rows = await manager.query<unknown[]>(`SELECT id FROM users WHERE id = $1 AND status <> 'deleted' FOR KEY SHARE`, [id]);
    if (rows.length === 0) throw new NotAuthenticatedError('Sign in first');
  }

  async setPasswordHash(id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.update(User, { id }, { passwordHash });
  }

  /** Makes `email` the member's verified address (a verification, or a change of address confirmed by its link). */
  async setVerifiedEmail(id: string, email: string, manager: EntityManager): Promise<void> {
    // A link followed from that mailbox: mail reaches it, whatever a bounce said of an earlier address.
    await manager.update(User, { id }, { email, emailVerifiedAt: new Date(), emailProblem: null, emailProblemAt: null });
  }

  /**
   * Records that mail to a member's address bounced for good or was marked as spam, by member or by address
   * (a mailing's recipient who is a member). Changes a row only once: a report received twice, or a bounce
   * after a complaint, changes nothing. Answers the members whose row changed.
   */
  async recordEmailProblem(where: { id: string } | { email: string }, kind: EmailProblemKind, manager: EntityManager): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE users SET email_problem = $2, email_problem_at = now()
        WHERE ${'id' in where ? 'id = $1::uuid' : 'email = lower($1)'} AND status <> 'deleted'
          AND (email_problem IS NULL OR (email_problem = 'bounced' AND $2 = 'complained'))
        RETURNING id`,
      ['id' in where ? where.id : where.email, kind],
    );
    return rows.map((row) => row.id);
  }

  /** The member says their address works again; answers whether there was a problem to clear. */
  async clearEmailProblem(id: string): Promise<boolean> {
    const [rows] = await this.db().query<[unknown[], number]>(
      `UPDATE users SET email_problem = NULL, email_problem_at = NULL WHERE id = $1 AND email_problem IS NOT NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Marks the member's current address verified (kept as it was when it already is). */
  async markEmailVerified(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1', [id]);
  }

  /** The account using this lower-cased address, if any (a deleted account's address is never a real one). */
  async contactByEmail(email: string, manager?: EntityManager): Promise<{ email: string; locale: Locale } | null> {
    const rows = await this.db(manager).query<{ email: string; locale: Locale }[]>('SELECT email, locale FROM users WHERE email = $1', [
      email,
    ]);
    return rows[0] ?? null;
  }

  /** The ids of the active members with these lower-cased usernames (mentions). */
  async activeIdsByUsernames(usernameKeys: string[], manager?: EntityManager): Promise<string[]> {
    if (usernameKeys.length === 0) return [];
    const users = await this.db(manager).find(User, { select: { id: true }, where: { usernameKey: In(usernameKeys), status: 'active' } });
    return users.map((user) => user.id);
  }

  /** The address and language a member is written to at, or null for a missing member. */
  async contactOf(id: string, manager?: EntityManager): Promise<{ email: string; locale: Locale } | null> {
    const rows = await this.db(manager).query<{ email: string; locale: Locale }[]>('SELECT email, locale FROM users WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** A username or an email taken already (registration says which). */
  async taken(usernameKey: string, email: string, manager: EntityManager): Promise<{ username: boolean; email: boolean }> {
    const rows = await manager
      .createQueryBuilder(User, 'user')
      .select(['user.usernameKey', 'user.email'])
      .where('user.usernameKey = :usernameKey OR user.email = :email', { usernameKey, email })
      .getMany();
    return { username: rows.some((user) => user.usernameKey === usernameKey), email: rows.length > 0 };
  }

  /** Registrations take turns until their transaction ends (see FIRST_ACCOUNT_LOCK). */
  async lockRegistrations(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ACCOUNT_LOCK]);
  }

  count(manager?: EntityManager): Promise<number> {
    return this.db(manager).count(User);
  }

  /** Signing in takes a username or an email address, already lower-cased. */
  findByLogin(key: string): Promise<User | null> {
    return this.db().findOne(User, { where: [{ usernameKey: key }, { email: key }] });
  }

  async insert(fields: Partial<User>, manager: EntityManager): Promise<User> {
    return manager.save(manager.create(User, fields));
  }

  async update(
    id: string,
    changes: Partial<
      Pick<User, 'displayName' | 'locale' | 'role' | 'status' | 'pronouns' | 'bio' | 'messagesFrom' | 'discreet' | 'signOutOnQuickExit'>
    >,
    manager?: EntityManager,
  ): Promise<void> {
    if (Object.keys(changes).length > 0) await this.db(manager).update(User, { id }, changes);
  }

  /** Lets a member awaiting approval in (only if still awaiting it: a deletion meanwhile stays a deletion). */
  async approvePending(id: string): Promise<void> {
    await this.db().update(User, { id, status: 'pending' }, { status: 'active' });
  }

  /** Makes a member whose suspension ran out active again (only if still suspended). */
  async endSuspension(id: string, manager?: EntityManager): Promise<void> {
    await this.db(manager).update(User, { id, status: 'suspended' }, { status: 'active', suspendedUntil: null });
  }

  async touchLastSeen(id: string, manager?: EntityManager): Promise<void> {
    await this.db(manager).update(User, { id }, { lastSeenAt: new Date() });
  }

  /**
   * Admins' member list: `q` is a LIKE pattern (escaped) over usernames and addresses. Deleted accounts are
   * left out: only their anonymous row is left, and nothing may be done to it.
   */
  listQuery(likeQ: string | undefined): SelectQueryBuilder<User> {
    const builder = this.dataSource.getRepository(User).createQueryBuilder('user').where(`user.status <> 'deleted'`);
    if (likeQ) builder.andWhere(`(user.usernameKey LIKE :q ESCAPE '\\' OR user.email LIKE :q ESCAPE '\\')`, { q: likeQ });
    return builder;
  }

  /**
   * Locks the member's row while their standing is recomputed, so sanctions given at once take turns and each
   * recount sees the others' (committed) sanctions. NO KEY: a sanction's own foreign key already holds a
   * KEY SHARE lock on this row.
   */
  async lockForStanding(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [id]);
  }

  /** Writes the member's state from their standing sanctions; a member awaiting approval stays pending, a deleted one deleted. */
  async applyStanding(id: string, standing: UserStanding, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE users SET silenced_until = $2, suspended_until = $3,
              status = CASE WHEN status IN ('pending', 'deleted') THEN status WHEN $4 THEN 'banned' WHEN $5 THEN 'suspended' ELSE 'active' END
        WHERE id = $1`,
      [id, standing.silencedUntil, standing.suspendedUntil, standing.banned, standing.suspended],
    );
  }
}
