import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents, MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/** A row as the export writes it (column aliases are the JSON keys). */
type Row = Record<string, unknown>;

/** What groups hold about a member: memberships, join requests and invitations (README, "Leaving"). */
@Injectable()
export class GroupsMemberData implements MemberDataPart {
  readonly name = 'groups';

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const db = this.dataSource.manager;
    const memberships = await db.query<Row[]>(
      `SELECT g.id, g.name, g.slug, m.role, m.hidden_on_profile AS "hiddenOnProfile", m.created_at AS "joinedAt"
         FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1 ORDER BY m.created_at`,
      [userId],
    );
    const joinRequests = await db.query<Row[]>(
      `SELECT g.name AS "group", r.message, r.created_at AS "createdAt", r.decision, r.decided_at AS "decidedAt"
         FROM group_join_requests r JOIN groups g ON g.id = r.group_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    const invitations = await db.query<Row[]>(
      `SELECT g.name AS "group", i.created_at AS "createdAt", i.answered_at AS "answeredAt"
         FROM group_invitations i JOIN groups g ON g.id = i.group_id WHERE i.user_id = $1 ORDER BY i.created_at`,
      [userId],
    );
    return { 'groups.json': { memberships, joinRequests, invitationsReceived: invitations } };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<() => void> {
    const { userId } = member;
    const [left] = await manager.query<[{ group_id: string; role: string }[], number]>(
      'DELETE FROM group_members WHERE user_id = $1 RETURNING group_id, role',
      [userId],
    );
    for (const { group_id: groupId, role } of left) {
      await manager.query('UPDATE groups SET member_count = member_count - 1 WHERE id = $1', [groupId]);
      // A group never loses its last owner: its longest-standing moderator (or else member) takes over.
      if (role === 'owner') {
        await manager.query(
          `UPDATE group_members SET role = 'owner'
            WHERE group_id = $1 AND NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = $1 AND role = 'owner')
              AND user_id = (SELECT user_id FROM group_members WHERE group_id = $1
                              ORDER BY (role = 'moderator') DESC, created_at LIMIT 1)`,
          [groupId],
        );
      }
    }
    await manager.query('DELETE FROM group_join_requests WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM group_invitations WHERE user_id = $1', [userId]);
    return () => {
      for (const { group_id: groupId } of left) this.events.publish('GroupMembershipChanged', { groupId, userId });
    };
  }
}
