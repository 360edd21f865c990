import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents, MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/** A row as the export writes it (column aliases are the JSON keys). */
type Row = Record<string, unknown>;

/**
 * What notifications hold about a member: their notifications and preferences, and the notifications others
 * got about what the member did (README, "Leaving").
 */
@Injectable()
export class NotificationsMemberData implements MemberDataPart {
  readonly name = 'notifications';

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const db = this.dataSource.manager;
    const notifications = await db.query<Row[]>(
      `SELECT type, topic_id AS "topicId", post_id AS "postId", group_id AS "groupId", data, count, read_at AS "readAt",
              emailed_at AS "emailedAt", created_at AS "createdAt"
         FROM notifications WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const [settings] = await db.query<Record<string, unknown>[]>(
      'SELECT deliveries, digest, discreet_emails AS "discreetEmails", push_details AS "pushDetails" FROM notification_settings WHERE user_id = $1',
      [userId],
    );
    return { 'notifications.json': { notifications, preferences: settings ?? null } };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<() => void> {
    await manager.query('DELETE FROM notifications WHERE user_id = $1', [member.userId]);
    await manager.query('DELETE FROM notification_settings WHERE user_id = $1', [member.userId]);
    // Others' notifications of what they did: "deleted-12 replied" would tell nothing, and nobody can answer them.
    const [others] = await manager.query<[{ user_id: string }[], number]>(
      'DELETE FROM notifications WHERE actor_id = $1 RETURNING user_id',
      [member.userId],
    );
    return () => {
      for (const userId of new Set(others.map((row) => row.user_id))) this.events.publish('NotificationsRead', { userId });
    };
  }
}
