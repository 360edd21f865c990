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
 * Note: the first member registered on a fresh site becomes its admin. Where the site requires email
 * verification (the default) registration answers 202: the address is marked verified in SQL (the link
 * itself is tested in self-service-registration.e2e-spec.ts) and the member signs in through the API.
 */
export async function newMember(t: TestApp, options: { role?: Role; username?: string } = {}): Promise<TestMember> {
  counter += 1;
  const username = options.username ?? `member${counter}_${Math.random().toString(36).slice(2, 7)}`;
  const password = 'correct horse battery';
  const email = `${username}@example.org`;
  // Said before registering: the link may be mailed before the answer is read.
  t.smtp?.dropVerificationLinkTo(email);
  const response = await t.http().post('/api/auth/register').send({ username, email, password });
  if (response.status !== 202) t.smtp?.dropVerificationLinkTo(email, false);
  if (response.status !== 201 && response.status !== 202) {
    throw new Error(`registering ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  if (response.status === 202) {
    expect(response.body).toEqual({ status: 'verify_email' });
    await sql(t.databaseUrl, 'UPDATE users SET email_verified_at = now() WHERE username_key = $1', [username.toLowerCase()]);
  }
  const body = (response.status === 201 ? response.body : (await signIn(t, username, password)).body) as { user: MeDto; token: string };
  if (options.role && options.role !== body.user.role) {
    await sql(t.databaseUrl, 'UPDATE users SET role = $1 WHERE id = $2', [options.role, body.user.id]);
    body.user.role = options.role;
  }
  return { user: body.user, token: body.token, password, auth: { Authorization: `Bearer ${body.token}` } };
}

function signIn(t: TestApp, login: string, password: string) {
  return t.http().post('/api/auth/login').send({ login, password }).expect(200);
}

/** The admin of a fresh site: the first account registered. */
export async function newSite(t: TestApp): Promise<TestMember> {
  return newMember(t, { role: 'admin', username: 'site_admin' });
}
