import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AvatarSize } from './avatar-image';

/** A member as their picture needs them: null for a missing or pending member. */
export interface AvatarOwner {
  username: string;
  avatarVersion: number;
  /** Only the anonymous `deleted-<n>` author of kept posts is left: never an upload. */
  deleted: boolean;
}

/**
 * Members' pictures: `user_avatars` and the `avatar_version` of `users` (accounts' tables). The version is
 * positive while an uploaded picture is stored and zero or negative while the generated one is shown; each
 * change moves it further from zero, so every state has a URL of its own and may be cached for good.
 */
@Injectable()
export class AvatarRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * A member whose picture may be shown, with its version: active, suspended or banned, or deleted (their kept
   * posts still show an author, under the anonymous name, so its picture is the generated one of that name).
   */
  async owner(userId: string): Promise<AvatarOwner | null> {
    const [row] = await this.db().query<{ username: string; avatar_version: number; deleted: boolean }[]>(
      `SELECT username, avatar_version, status = 'deleted' AS deleted FROM users
        WHERE id = $1 AND status IN ('active', 'suspended', 'banned', 'deleted')`,
      [userId],
    );
    return row ? { username: row.username, avatarVersion: row.avatar_version, deleted: row.deleted } : null;
  }

  /** One size of the member's uploaded picture, or null when they have none. */
  async bytes(userId: string, size: AvatarSize): Promise<Buffer | null> {
    const [row] = await this.db().query<{ bytes: Buffer }[]>('SELECT bytes FROM user_avatars WHERE user_id = $1 AND size = $2', [
      userId,
      size,
    ]);
    return row?.bytes ?? null;
  }

  /** Replaces the member's picture by these encodings and moves the version past every earlier one. */
  async replace(userId: string, encoded: Map<AvatarSize, Buffer>, manager: EntityManager): Promise<void> {
    // The user row first: two uploads at once take turns, and the last one's sizes are the ones kept.
    await manager.query('UPDATE users SET avatar_version = abs(avatar_version) + 1 WHERE id = $1', [userId]);
    await manager.query('DELETE FROM user_avatars WHERE user_id = $1', [userId]);
    for (const [size, bytes] of encoded) {
      await manager.query('INSERT INTO user_avatars (user_id, size, bytes) VALUES ($1, $2, $3)', [userId, size, bytes]);
    }
  }

  /** Back to the generated picture (a no-op when there is no upload, so the URL does not change for nothing). */
  async remove(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE users SET avatar_version = -(abs(avatar_version) + 1) WHERE id = $1 AND avatar_version > 0', [userId]);
    await manager.query('DELETE FROM user_avatars WHERE user_id = $1', [userId]);
  }
}
