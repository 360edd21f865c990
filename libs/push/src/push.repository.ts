import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Web push: all SQL on `push_subscriptions` and `push_keys` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class PushRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The stored VAPID pair, made from `generated` by whichever process asks first (the others then read that one). */
  async keys(generated: () => { publicKey: string; privateKey: string }): Promise<{ publicKey: string; privateKey: string }> {
    const read = async () =>
      (
        await this.db().query<{ public_key: string; private_key: string }[]>('SELECT public_key, private_key FROM push_keys WHERE id = 1')
      )[0];
    let row = await read();
    if (!row) {
      const pair = generated();
      await this.db().query('INSERT INTO push_keys (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
        pair.publicKey,
        pair.privateKey,
      ]);
      row = await read();
    }
    if (!row) throw new Error('push_keys holds no key pair');
    return { publicKey: row.public_key, privateKey: row.private_key };
  }

  /**
   * Stores a device's subscription for the member, or takes over the one stored for its endpoint (the same
   * browser, signed in again, perhaps as someone else: its pushes follow whoever subscribed it last). A member
   * keeps at most `maxDevices`: the oldest beyond that go, so nobody can make one notification a thousand jobs.
   */
  save(userId: string, endpoint: string, p256dh: string, auth: string, maxDevices: number): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)
         ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth
         RETURNING id`,
        [userId, endpoint, p256dh, auth],
      );
      if (!row) throw new Error('push subscription not stored');
      await manager.query(
        `DELETE FROM push_subscriptions WHERE user_id = $1 AND id NOT IN (
           SELECT id FROM push_subscriptions WHERE user_id = $1 ORDER BY (id = $2) DESC, created_at DESC, id DESC LIMIT $3)`,
        [userId, row.id, maxDevices],
      );
      return row.id;
    });
  }

  /** The subscription's owner, or null when there is none with that id. */
  async ownerOf(id: string): Promise<string | null> {
    const [row] = await this.db().query<{ user_id: string }[]>('SELECT user_id FROM push_subscriptions WHERE id = $1', [id]);
    return row?.user_id ?? null;
  }

  /** Forgets a subscription (its member ended it, or its push service said it is gone). */
  async remove(id: string): Promise<void> {
    await this.db().query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
  }

  find(id: string): Promise<StoredSubscription | null> {
    return this.db()
      .query<StoredSubscription[]>('SELECT id, user_id AS "userId", endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1', [id])
      .then((rows) => rows[0] ?? null);
  }

  /** The subscriptions of these members, as (member, subscription) pairs, in one query. */
  async ofMembers(userIds: string[]): Promise<{ userId: string; id: string }[]> {
    if (userIds.length === 0) return [];
    return this.db().query('SELECT user_id AS "userId", id FROM push_subscriptions WHERE user_id = ANY($1::uuid[])', [userIds]);
  }
}
