import { databaseUnavailable } from './database-unavailable';

describe('databaseUnavailable', () => {
  it('knows a database that is restarting or unreachable', () => {
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(databaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error('wrapped'), { driverError: { code: '08006' } }))).toBe(true);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(databaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    // TypeORM, when the connection dropped between two statements of a transaction.
    class QueryRunnerProviderAlreadyReleasedError extends Error {
      override name = 'QueryRunnerProviderAlreadyReleasedError';
    }
    expect(databaseUnavailable(new QueryRunnerProviderAlreadyReleasedError('Database connection … was already released'))).toBe(true);
  });

  it('leaves every other failure to the 500 path', () => {
    expect(databaseUnavailable(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(false);
    expect(databaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(databaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(databaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(databaseUnavailable(null)).toBe(false);
  });
});
