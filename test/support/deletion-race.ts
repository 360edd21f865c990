import { Client } from 'pg';
import type { TestApp } from './app';
import { sql } from './database';
import type { TestMember } from './factories';

/**
 * Holds a deletion's transaction open where lockForDeletion holds it (the row locked), sends the request,
 * waits until it is blocked on a lock of that row, then erases the row as AccountsMemberData.erase does and
 * commits. Waiting for the blocked request (rather than a fixed delay) puts it past its guard and password check.
 */
export async function deletionUnderWay(t: TestApp, who: TestMember, send: () => PromiseLike<{ status: number }>): Promise<number> {
  const deletion = new Client({ connectionString: t.databaseUrl });
  await deletion.connect();
  try {
    await deletion.query('BEGIN');
    const [{ pid }] = (await deletion.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    await deletion.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [who.user.id]);
    const answer = Promise.resolve(send()).then((response) => response.status);
    await blockedBehind(t, pid);
    for (const table of ['user_avatars', 'email_tokens', 'password_resets', 'sessions']) {
      await deletion.query(`DELETE FROM ${table} WHERE user_id = $1`, [who.user.id]);
    }
    await deletion.query(
      `UPDATE users SET username = n, username_key = n, display_name = n, email = n || '@deleted.invalid', password_hash = '!deleted',
              status = 'deleted', pronouns = '', bio = '', avatar_version = -(abs(avatar_version) + 1), email_verified_at = NULL
         FROM (SELECT 'deleted-' || nextval('deleted_member_seq') AS n) anonymous
        WHERE id = $1`,
      [who.user.id],
    );
    // Forum's part with posts: "delete" (ForumMemberData.erase), after the account row as there.
    await deletion.query(`UPDATE posts SET body = '', html = '', deleted_at = coalesce(deleted_at, now()) WHERE author_id = $1`, [
      who.user.id,
    ]);
    await deletion.query(`UPDATE topics SET title = '[deleted]', slug = 'deleted' WHERE author_id = $1`, [who.user.id]);
    await deletion.query('COMMIT');
    return await answer;
  } finally {
    await deletion.end();
  }
}

/** Until some query of the app waits for a lock the deletion's connection holds. */
async function blockedBehind(t: TestApp, pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const rows = await sql(t.databaseUrl, 'SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [pid]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the request never waited for the deletion');
}
