import type { EntityManager } from 'typeorm';

/**
 * The site's active staff by role, for the libs that tell them of what waits (notifications, which also run
 * in the worker without AccountsModule): whether each may act is still access's question, asked per member.
 */
export async function siteStaffIds(db: EntityManager, roles: readonly ('admin' | 'moderator')[]): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(`SELECT id FROM users WHERE status = 'active' AND role = ANY($1::varchar[])`, [roles]);
  return rows.map((row) => row.id);
}
