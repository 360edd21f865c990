import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import { joinUser, userColumns, userFromRow } from '@harbour/accounts';
import { Mention } from './member-state.entities';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';
import { TOPIC_COLUMNS, topicFrom, type TopicRow } from './topic.repository';

/** A post's columns from alias `p`, as `p_<column>`; with its author's as `pu_<column>` when joined (POST_AUTHOR). */
export const POST_COLUMNS = `p.id AS p_id, p.topic_id AS p_topic_id, p.number AS p_number, p.author_id AS p_author_id, p.parent_id AS p_parent_id,
       p.body AS p_body, p.html AS p_html, p.content_warning AS p_content_warning, p.wiki AS p_wiki, p.via_email AS p_via_email, p.hidden AS p_hidden,
       p.pending_review AS p_pending_review, p.created_at AS p_created_at, p.edited_at AS p_edited_at, p.revision AS p_revision,
       p.deleted_at AS p_deleted_at, p.language AS p_language, p.anonymous_number AS p_anonymous_number, ${userColumns('pu', 'pu_')}`;
/** Joins the author of the post `p`, for POST_COLUMNS. */
export const POST_AUTHOR = joinUser('pu', 'p.author_id');

/** A post and its author from a row of POST_COLUMNS (timestamps as Dates, or strings through row_to_json). */
export function postFrom(row: object): Post {
  const columns = row as Record<string, unknown>;
  const get = <T>(name: string): T => columns[`p_${name}`] as T;
  const date = (name: string): Date | null => (get(name) === null ? null : new Date(get<string | Date>(name)));
  return Object.assign(new Post(), {
    id: get<string>('id'),
    topicId: get<string>('topic_id'),
    number: get<number | null>('number'),
    authorId: get<string>('author_id'),
    parentId: get<string | null>('parent_id'),
    body: get<string>('body'),
    html: get<string>('html'),
    contentWarning: get<string | null>('content_warning'),
    wiki: get<boolean>('wiki'),
    viaEmail: get<boolean>('via_email'),
    hidden: get<boolean>('hidden'),
    pendingReview: get<boolean>('pending_review'),
    createdAt: date('created_at') ?? new Date(0),
    editedAt: date('edited_at'),
    revision: get<number>('revision'),
    deletedAt: date('deleted_at'),
    language: get<Post['language']>('language'),
    anonymousNumber: get<number | null>('anonymous_number'),
    author: userFromRow(row, 'pu_'),
  });
}

/** Posts, their revisions and their mentions: all SQL on `posts`, `post_revisions` and `mentions` lives here. */
@Injectable()
export class PostRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A post with its author, its topic and the topic's category, in one query. */
  async findWithTopic(id: string): Promise<Post | null> {
    const [row] = await this.db().query<TopicRow[]>(
      `SELECT ${POST_COLUMNS}, ${TOPIC_COLUMNS} FROM posts p ${POST_AUTHOR}
         JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id WHERE p.id = $1`,
      [id],
    );
    return row ? Object.assign(postFrom(row), { topic: topicFrom(row) }) : null;
  }

  /** Posts with their authors (one query), leaving out those held for review when asked. */
  async findWithAuthors(ids: string[], options: { held: boolean }): Promise<Post[]> {
    if (ids.length === 0) return [];
    const rows = await this.db().query<object[]>(
      `SELECT ${POST_COLUMNS} FROM posts p ${POST_AUTHOR} WHERE p.id = ANY($1::uuid[]) ${options.held ? '' : 'AND NOT p.pending_review'}`,
      [ids],
    );
    return rows.map(postFrom);
  }

  /** Posts with their topic and category, for access checks on each. */
  async findWithCategories(ids: string[]): Promise<Post[]> {
    return this.db().find(Post, { where: { id: In(ids) }, relations: { topic: { category: true } } });
  }

  /** A post's number in a topic; null when the post is not in that topic, `{ number: null }` for a held reply. */
  async numberInTopic(id: string, topicId: string, manager?: EntityManager): Promise<{ number: number | null } | null> {
    // The id is selected too: TypeORM answers null for a row whose selected columns are all null.
    const post = await this.db(manager).findOne(Post, { select: { id: true, number: true }, where: { id, topicId } });
    return post ? { number: post.number } : null;
  }

  /** Whether a post now sits in a topic that a split or move out of `topicId` sent posts to (its notices say so). */
  async movedOutOf(id: string, topicId: string): Promise<boolean> {
    const rows = await this.db().query<unknown[]>(
      `SELECT 1 FROM posts p JOIN topic_notices n ON n.topic_id = $2 AND n.other_topic_id = p.topic_id WHERE p.id = $1 LIMIT 1`,
      [id, topicId],
    );
    return rows.length > 0;
  }

  /** How long ago (seconds) this member last posted in this topic; null if never. */
  async secondsSinceLastPost(topicId: string, authorId: string): Promise<number | null> {
    const [row] = await this.db().query<{ age: number }[]>(
      `SELECT extract(epoch FROM now() - max(created_at))::float AS age FROM posts WHERE topic_id = $1 AND author_id = $2 HAVING max(created_at) IS NOT NULL`,
      [topicId, authorId],
    );
    return row?.age ?? null;
  }

  /** How many of a member's posts were let through (not held, not deleted), counting up to `limit` only. */
  async passedCount(authorId: string, limit: number): Promise<number> {
    const [row] = await this.db().query<{ passed: number }[]>(
      'SELECT count(*)::int AS passed FROM (SELECT 1 FROM posts WHERE author_id = $1 AND NOT pending_review AND deleted_at IS NULL LIMIT $2) p',
      [authorId, limit],
    );
    return row?.passed ?? 0;
  }

  async insert(manager: EntityManager, fields: Partial<Post>): Promise<Post> {
    return manager.save(manager.create(Post, fields));
  }

  /** The post's row, locked for the rest of the transaction (edits queue rather than lose each other). */
  async lockForUpdate(manager: EntityManager, id: string): Promise<Post | null> {
    return manager.findOne(Post, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Post>): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.update(Post, { id }, changes);
  }

  /** Leaves a tombstone (replies keep their place); answers whether it was not deleted already. */
  async markDeleted(id: string, manager?: EntityManager): Promise<boolean> {
    const [, affected] = await this.db(manager).query<[unknown[], number]>(
      'UPDATE posts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    return affected > 0;
  }

  async hide(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE posts SET hidden = true WHERE id = $1', [id]);
  }

  /** A held post let through: shown. Answers what its PostCreated needs (null if it is gone). */
  async release(
    manager: EntityManager,
    id: string,
  ): Promise<{ topicId: string; authorId: string; parentId: string | null; number: number | null } | null> {
    const [rows] = await manager.query<
      [{ topic_id: string; author_id: string; parent_id: string | null; number: number | null }[], number]
    >('UPDATE posts SET hidden = false, pending_review = false WHERE id = $1 RETURNING topic_id, author_id, parent_id, number', [id]);
    const row = rows[0];
    return row ? { topicId: row.topic_id, authorId: row.author_id, parentId: row.parent_id, number: row.number } : null;
  }

  async setNumber(manager: EntityManager, id: string, number: number): Promise<void> {
    await manager.query('UPDATE posts SET number = $2 WHERE id = $1', [id, number]);
  }

  async addRevision(manager: EntityManager, revision: Pick<PostRevision, 'postId' | 'body' | 'editorId' | 'editedAt'>): Promise<void> {
    await manager.insert(PostRevision, revision);
  }

  /** A post's earlier bodies, newest first. */
  async revisions(postId: string): Promise<PostRevision[]> {
    return this.db().find(PostRevision, { where: { postId }, order: { editedAt: 'DESC' } });
  }

  /** Replaces a post's mentions by these members, in the post's transaction. */
  async replaceMentions(manager: EntityManager, postId: string, userIds: string[], options: { fresh: boolean }): Promise<void> {
    if (!options.fresh) await manager.delete(Mention, { postId });
    if (userIds.length > 0)
      await manager.insert(
        Mention,
        userIds.map((userId) => ({ postId, userId })),
      );
  }

  async mentionedIn(postId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.db(manager).query<{ user_id: string }[]>('SELECT user_id FROM mentions WHERE post_id = $1', [postId]);
    return rows.map((row) => row.user_id);
  }

  /**
   * A page of a member's bookmarks (post, author, topic, category), newest bookmark first, inside `scopes`
   * (over the aliases `p`, `t` and `c`), after a keyset position (bookmarked at, post id): one query on
   * the bookmarks' primary key (user_id, post_id) and bookmarks_user_created_idx.
   */
  async bookmarkPage(
    userId: string,
    scopes: SqlScope[],
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<{ post: Post; bookmarkedAt: Date }[]> {
    const conditions = ['b.user_id = :userId', ...scopes.map((scope) => scope.where)];
    if (after) conditions.push('(b.created_at, b.post_id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))');
    const sql = `SELECT ${POST_COLUMNS}, ${TOPIC_COLUMNS}, b.created_at AS bookmarked_at
      FROM bookmarks b JOIN posts p ON p.id = b.post_id ${POST_AUTHOR}
      JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY b.created_at DESC, b.post_id DESC LIMIT :limit`;
    const params: Record<string, unknown> = { userId, limit, ...(after ?? {}) };
    for (const scope of scopes) Object.assign(params, scope.params);
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows = await this.db().query<(TopicRow & { bookmarked_at: Date })[]>(text, values);
    return rows.map((row) => ({
      post: Object.assign(postFrom(row), { topic: topicFrom(row) }),
      bookmarkedAt: new Date(row.bookmarked_at),
    }));
  }
}
