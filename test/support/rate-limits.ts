import type { TestApp } from './app';
import { sql } from './database';
import type { TestMember } from './factories';

/**
 * Runs `body` with the hourly sign-in limit (which also budgets two-factor codes and passwords asked again)
 * set to `attempts`, from empty counters; the site's default (20) and empty counters come back afterwards,
 * so later tests in the suite are not limited by this one's guesses.
 */
export async function withLoginLimit(t: TestApp, admin: TestMember, attempts: number, body: () => Promise<void>): Promise<void> {
  const setLimit = async (limit: number) => {
    await sql(t.databaseUrl, 'DELETE FROM rate_limit_counters');
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { loginAttemptsPerHourPerIp: limit } })
      .expect(200);
  };
  await setLimit(attempts);
  try {
    await body();
  } finally {
    await setLimit(20);
  }
}
