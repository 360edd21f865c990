import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs one of the few queries on every hot path (a session, a topic page) straight on the pg pool as a
 * named prepared statement. TypeORM's query runner costs a checkout, a wrapper and a re-plan per call;
 * on these paths that was a third of a request. The query is still told to TypeORM's logger, so logs
 * and the query-counting tests see it like any other.
 */
export async function hotQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  dataSource.logger.logQuery(text, values);
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
