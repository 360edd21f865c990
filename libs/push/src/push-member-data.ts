import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/**
 * What web push holds about a member: their devices' subscriptions (README, "Leaving"). The export names each
 * device's push service and when it subscribed; the endpoint's path and the keys are the browser's secrets.
 */
@Injectable()
export class PushMemberData implements MemberDataPart {
  readonly name = 'push';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const rows = await this.dataSource.manager.query<{ id: string; endpoint: string; createdAt: Date }[]>(
      'SELECT id, endpoint, created_at AS "createdAt" FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    return {
      'push-subscriptions.json': rows.map((row) => ({ id: row.id, pushService: new URL(row.endpoint).origin, createdAt: row.createdAt })),
    };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<() => void> {
    await manager.query('DELETE FROM push_subscriptions WHERE user_id = $1', [member.userId]);
    return () => undefined;
  }
}
