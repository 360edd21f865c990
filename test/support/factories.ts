import type { MeDto, Role } from '@harbour/contracts';
import type { TestApp } from './app';
import { sql } from './database';

export interface TestMember {
  user: MeDto;
  token: string;
  password: string;
  /** Headers for a bearer-authenticated request. */
  auth: { Authorization: string };
}

let counter = 0;

/**
 * Registers a member through the API (so the real path is exercised) and gives them a site role.
 * Note: the first member registered on a fresh site becomes its admin.
 */
export async function newMember(t: TestApp, options: { role?: Role; username?: string } = {}): Promise<TestMember> {
  counter += 1;
  const username = options.username ?? `member${counter}_${Math.random().toString(36).slice(2, 7)}`;
  const password = 'correct horse battery';
  const response = await t
    .http()
    .post('/api/auth/register')
    .send({ username, email: `${username}@example.org`, password })
    .expect(201);
  const body = response.body as { user: MeDto; token: string };
  if (options.role && options.role !== body.user.role) {
    await sql(t.databaseUrl, 'UPDATE users SET role = $1 WHERE id = $2', [options.role, body.user.id]);
    body.user.role = options.role;
  }
  return { user: body.user, token: body.token, password, auth: { Authorization: `Bearer ${body.token}` } };
}

/** The admin of a fresh site: the first account registered. */
export async function newSite(t: TestApp): Promise<TestMember> {
  return newMember(t, { role: 'admin', username: 'site_admin' });
}
