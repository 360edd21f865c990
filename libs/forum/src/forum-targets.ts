import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CategoryRef } from '@harbour/access';
import { categoryAccessColumns, categoryRefFrom } from './category.repository';

/*
 * SQL fragments for the libs that point at forum's posts and topics by a (type, id) pair (review items, log
 * entries, notifications): they build their queries from these, and only forum names its tables.
 */

/**
 * Joins a review target (`typeSql` 'post' or 'topic', `idSql`) to its post `p` (a post target), its topic `t`,
 * the topic's first post `first` (a topic target) and its category `c`; all LEFT JOINs.
 */
export function joinForumTarget<T extends object>(builder: SelectQueryBuilder<T>, typeSql: string, idSql: string): SelectQueryBuilder<T> {
  return builder
    .leftJoin('posts', 'p', `${typeSql} = 'post' AND p.id = ${idSql}`)
    .leftJoin('topics', 't', `t.id = CASE WHEN ${typeSql} = 'topic' THEN ${idSql} ELSE p.topic_id END`)
    .leftJoin('posts', 'first', `${typeSql} = 'topic' AND first.topic_id = t.id AND first.number = 1`)
    .leftJoin('categories', 'c', 'c.id = t.category_id');
}

/**
 * The author of a post or topic target, as a SQL expression (NULL for any other type, when it is gone, or when
 * it is anonymous: an anonymous post is nobody's in a member's record, counts and log, api.md 1.1).
 */
export function forumTargetAuthorSql(typeSql: string, idSql: string): string {
  return `(CASE WHEN ${typeSql} = 'post' THEN (SELECT ap.author_id FROM posts ap WHERE ap.id = ${idSql} AND ap.anonymous_number IS NULL)
               WHEN ${typeSql} = 'topic' THEN (SELECT at.author_id FROM topics at WHERE at.id = ${idSql} AND at.anonymous_number IS NULL) END)`;
}

/**
 * `EXISTS` a topic in a category matching `condition` (over `categoryAlias`) for a target named by type and
 * id SQL: a topic, or a post (through its topic). What the moderation log's scope asks of an entry.
 */
export function forumTargetInCategory(target: { typeSql: string; idSql: string }, categoryAlias: string, condition: string): string {
  const { typeSql, idSql } = target;
  return `EXISTS (SELECT 1 FROM topics ft JOIN categories ${categoryAlias} ON ${categoryAlias}.id = ft.category_id
     WHERE ft.id = CASE WHEN ${typeSql} = 'topic' THEN ${idSql}
                        WHEN ${typeSql} = 'post' THEN (SELECT fp.topic_id FROM posts fp WHERE fp.id = ${idSql}) END
       AND ${condition})`;
}

/**
 * Joins a row's topic (`topic`), the topic's category (`category`) and its post (`post`), all LEFT JOINs, by
 * the row's topic id and post id columns (a notification's).
 */
export function joinTopicAndPost<T extends object>(
  builder: SelectQueryBuilder<T>,
  on: { topicIdSql: string; postIdSql: string },
): SelectQueryBuilder<T> {
  return builder
    .leftJoin('topics', 'topic', `topic.id = ${on.topicIdSql}`)
    .leftJoin('categories', 'category', 'category.id = topic.category_id')
    .leftJoin('posts', 'post', `post.id = ${on.postIdSql}`);
}

/** `<kind> posts <alias> ON <on>`. */
export function joinPost(alias: string, on: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} posts ${alias} ON ${on}`;
}

/** `<kind> topics <alias> ON <on>`. */
export function joinTopic(alias: string, on: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} topics ${alias} ON ${on}`;
}

/** `<kind> categories <alias> ON <on>`: select its access fields with categoryAccessColumns. */
export function joinCategory(alias: string, on: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} categories ${alias} ON ${on}`;
}

/**
 * What a reader names a topic, a post (its topic) or a category by: the topic's title, the category's name,
 * by target id, with the category it is in (whoever asks checks that their reader may see it).
 */
export async function forumTargetTitles(
  db: EntityManager,
  targets: { type: string; id: string }[],
): Promise<Map<string, { label: string; category: CategoryRef }>> {
  const ids = (type: string) => [...new Set(targets.filter((target) => target.type === type).map((target) => target.id))];
  const [topicIds, postIds, categoryIds] = [ids('topic'), ids('post'), ids('category')];
  if (topicIds.length + postIds.length + categoryIds.length === 0) return new Map();
  const rows = await db.query<({ id: string; label: string } & Record<string, unknown>)[]>(
    `SELECT t.id, t.title AS label, ${categoryAccessColumns('c')}
       FROM topics t JOIN categories c ON c.id = t.category_id WHERE t.id = ANY($1::uuid[])
     UNION ALL SELECT p.id, t.title, ${categoryAccessColumns('c')}
       FROM posts p JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id WHERE p.id = ANY($2::uuid[])
     UNION ALL SELECT c.id, c.name, ${categoryAccessColumns('c')} FROM categories c WHERE c.id = ANY($3::uuid[])`,
    [topicIds, postIds, categoryIds],
  );
  return new Map(rows.map((row) => [row.id, { label: row.label, category: categoryRefFrom(row) }]));
}
