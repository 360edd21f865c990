import type { NotificationDto, PageDto } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

/** Fails when anything of `member` (id, username, display name) is in `value`, however deep: the anonymous suites' check. */
export function expectNoTrace(value: unknown, member: TestMember): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const trace of [member.user.id, member.user.username, member.user.displayName]) expect(text).not.toContain(trace);
}

/** A 200 answer's body, read as `who` (a visitor when absent). */
export async function readAs(t: TestApp, path: string, who?: TestMember): Promise<unknown> {
  const request = t.http().get(path);
  if (who) void request.set(who.auth);
  return (await request.expect(200)).body as unknown;
}

/** `who`'s notifications, once there are `expected` of them (or after five seconds). */
export async function waitForNotifications(t: TestApp, who: TestMember, expected: number): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = ((await readAs(t, '/api/notifications', who)) as PageDto<NotificationDto>).items;
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
