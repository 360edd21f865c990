import type { ModerationLogEntryDto, NotificationDto, PageDto, ReviewItemDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from './app';
import { newMember, type TestMember } from './factories';
import { newCategory } from './forum';

/** The open items of the review queue, as `who` sees them. */
export async function queue(t: TestApp, who: TestMember): Promise<ReviewItemDto[]> {
  return ((await t.http().get('/api/moderation/queue').set(who.auth).expect(200)).body as PageDto<ReviewItemDto>).items;
}

/** `who`'s moderation notifications, once there are `expected` of them (or after five seconds). */
export async function moderationNotices(t: TestApp, who: TestMember, expected: number): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = ((await t.http().get('/api/notifications').set(who.auth).expect(200)).body as PageDto<NotificationDto>).items.filter(
      (item) => item.type === 'moderation',
    );
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The moderation log as `who` reads it, newest first. */
export async function logOf(t: TestApp, who: TestMember, query = ''): Promise<ModerationLogEntryDto[]> {
  return ((await t.http().get(`/api/moderation/log${query}`).set(who.auth).expect(200)).body as PageDto<ModerationLogEntryDto>).items;
}

/** An instant `days` from now, as the API takes dates. */
export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** What every moderation suite starts from: its own app, an admin, a site moderator and a category. */
export interface ModerationStage {
  t: TestApp;
  admin: TestMember;
  moderator: TestMember;
  category: string;
}

export async function moderationStage(env: Record<string, string> = {}): Promise<ModerationStage> {
  const t = await startTestApp({ env });
  const admin = await newMember(t, { role: 'admin' });
  const moderator = await newMember(t, { role: 'moderator' });
  return { t, admin, moderator, category: await newCategory(t, admin) };
}
