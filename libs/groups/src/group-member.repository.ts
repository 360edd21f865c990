import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { joinUser, userColumns, userDtoFromRow } from '@harbour/accounts';
import type { GroupRole, UserDto } from '@harbour/contracts';
import { GroupMember } from './group-member.entity';

/** Memberships: all SQL on `group_members` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class GroupMemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  find(groupId: string, userId: string, manager?: EntityManager): Promise<GroupMember | null> {
    return this.db(manager).findOneBy(GroupMember, { groupId, userId });
  }

  isMember(groupId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return this.db(manager).existsBy(GroupMember, { groupId, userId });
  }

  /** Adds a member unless they already are one; says whether a row was written (the count then moves). */
  async add(groupId: string, userId: string, role: GroupRole, manager: EntityManager): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO group_members (group_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
      [groupId, userId, role],
    );
    return inserted.length > 0;
  }

  async setRole(groupId: string, userId: string, role: GroupRole, manager: EntityManager): Promise<void> {
    await manager.update(GroupMember, { groupId, userId }, { role });
  }

  async remove(groupId: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(GroupMember, { groupId, userId });
  }

  async ownerCount(groupId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM group_members WHERE group_id = $1 AND role = 'owner'`,
      [groupId],
    );
    return row?.n ?? 0;
  }

  /** Each group's number of owners (groups without owners are left out). */
  async ownerCounts(groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows = await this.db().query<{ group_id: string; n: number }[]>(
      `SELECT group_id, count(*)::int AS n FROM group_members WHERE group_id = ANY($1::uuid[]) AND role = 'owner' GROUP BY group_id`,
      [groupIds],
    );
    return new Map(rows.map((row) => [row.group_id, row.n]));
  }

  /** A page of members with their public user fields, oldest first, after a (created_at, user_id) keyset. */
  async page(
    groupId: string,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<{ user: UserDto; role: GroupRole; createdAt: Date }[]> {
    const rows: { role: GroupRole; created_at: Date }[] = await this.db().query(
      `SELECT m.role, m.created_at, ${userColumns('u')}
         FROM group_members m ${joinUser('u', 'm.user_id')}
        WHERE m.group_id = $1 ${after ? 'AND (m.created_at, m.user_id) > ($3, $4)' : ''}
        ORDER BY m.created_at, m.user_id LIMIT $2`,
      after ? [groupId, limit, after.at, after.id] : [groupId, limit],
    );
    return rows.map((row) => ({ user: userDtoFromRow(row, 'u_'), role: row.role, createdAt: row.created_at }));
  }
}
