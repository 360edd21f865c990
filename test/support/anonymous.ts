import type { NotificationDto, PageDto, PostDto, TopicPostsPageDto, TopicWithFirstPostDto } from '@harbour/contracts';
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

let titles = 0;

/** A new topic in `categoryId` as `who` (the anonymous suite's bodies: `extra` adds `anonymous` and the like), answering `status`. */
export async function startTopic(
  t: TestApp,
  who: TestMember,
  categoryId: string,
  extra: object,
  status: number,
): Promise<TopicWithFirstPostDto> {
  const body = { categoryId, title: `Anonymous question ${++titles}`, body: 'Is it safe to mix these?', ...extra };
  return (await t.http().post('/api/topics').set(who.auth).send(body).expect(status)).body as TopicWithFirstPostDto;
}

/** A reply in `topicId` as `who`, answering `status`. */
export async function replyTo(t: TestApp, who: TestMember, topicId: string, extra: object, status: number): Promise<PostDto> {
  const body = { body: 'Here is what I know', ...extra };
  return (await t.http().post(`/api/topics/${topicId}/posts`).set(who.auth).send(body).expect(status)).body as PostDto;
}

/** Up to a hundred posts of a topic, as `who` (a visitor when absent). */
export async function postsOf(t: TestApp, topicId: string, who?: TestMember): Promise<PostDto[]> {
  return ((await readAs(t, `/api/topics/${topicId}/posts?limit=100`, who)) as TopicPostsPageDto).items;
}
