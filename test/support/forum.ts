import type { PostDto, TopicWithFirstPostDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { sql } from './database';
import type { TestMember } from './factories';

let counter = 0;

/** A public category, created by an admin through the API. */
export async function newCategory(t: TestApp, admin: TestMember, name = `Category ${++counter}`): Promise<string> {
  const response = await t.http().post('/api/categories').set(admin.auth).send({ name }).expect(201);
  return response.body.id as string;
}

/**
 * A category of a group nobody belongs to, made directly in the database: only admins may see it.
 * (test/support/groups.ts makes real groups and their categories through the API.)
 */
export async function newPrivateCategory(t: TestApp, name = `Private ${++counter}`): Promise<string> {
  const rows = await sql<{ id: string }>(
    t.databaseUrl,
    `INSERT INTO categories (name, slug, group_id) VALUES ($1, $2, gen_random_uuid()) RETURNING id`,
    [name, `private-${counter}-${Date.now()}`],
  );
  return rows[0]!.id;
}

export async function newTopic(
  t: TestApp,
  author: TestMember,
  categoryId: string,
  body = 'First post body',
): Promise<TopicWithFirstPostDto> {
  const response = await t
    .http()
    .post('/api/topics')
    .set(author.auth)
    .send({ categoryId, title: `Topic number ${++counter}`, body })
    .expect(201);
  return response.body as TopicWithFirstPostDto;
}

export async function newReply(t: TestApp, author: TestMember, topicId: string, body = 'A reply', parentId?: string): Promise<PostDto> {
  const response = await t.http().post(`/api/topics/${topicId}/posts`).set(author.auth).send({ body, parentId }).expect(201);
  return response.body as PostDto;
}
