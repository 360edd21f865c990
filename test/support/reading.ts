import type { Locator, Page } from 'playwright-core';
import type { TopicWithFirstPostDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { sql } from './database';
import type { TestMember } from './factories';
import { newTopic } from './forum';

/**
 * A topic of `count` posts, numbered 1..count, whose body is "Post <number>". The first post goes through
 * the API; the replies are written straight into the database in one statement (120 replies through the API
 * would cost seconds and hit the posting rate limits), with the topic's count moved like PostWriter does.
 */
export async function longTopic(t: TestApp, author: TestMember, categoryId: string, count: number): Promise<TopicWithFirstPostDto> {
  const topic = await newTopic(t, author, categoryId, 'Post 1');
  await sql(
    t.databaseUrl,
    `WITH added AS (
       INSERT INTO posts (topic_id, number, author_id, body, html, created_at)
       SELECT $1, n, $2, 'Post ' || n, '<p>Post ' || n || '</p>', now() + n * interval '1 millisecond'
         FROM generate_series(2, $3::int) n
       RETURNING id)
     UPDATE topics SET post_count = $3, last_post_at = now() WHERE id = $1 AND (SELECT count(*) FROM added) >= 0`,
    [topic.id, author.user.id, count],
  );
  return topic;
}

/**
 * Chooses an action from a post's "⋯" menu (the compact action bar keeps only Reply and reactions in view):
 * opens the first menu in `scope` (a post, or the page for its first post), then clicks the item.
 */
export async function choosePostAction(scope: Page | Locator, name: string): Promise<void> {
  await scope
    .getByRole('button', { name: /^More actions/ })
    .first()
    .click();
  await scope.getByRole('menuitem', { name, exact: true }).click();
}

/**
 * The menu actions a post offers, in the DOM whether its menu is open or not (a closed menu's items are
 * hidden, not absent): what a member could choose there.
 */
export async function postMenuActions(scope: Page | Locator, name: string): Promise<number> {
  return scope.getByRole('menuitem', { name, exact: true, includeHidden: true }).count();
}
