import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import { Mention } from './member-state.entities';
import { PostRevision } from './post-revision.entity';
import { Post } from './post.entity';

/** Posts, their revisions and their mentions: all SQL on `posts`, `post_revisions` and `mentions` lives here. */
@Injectable()
export class PostRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A post with its topic, the topic's category and its author, in one query. */
  async findWithTopic(id: string): Promise<Post | null> {
    return this.db()
      .createQueryBuilder(Post, 'post')
      .innerJoinAndSelect('post.topic', 'topic')
      .innerJoinAndSelect('topic.category', 'category')
      .innerJoinAndSelect('post.author', 'author')
      .where('post.id = :id', { id })
      .getOne();
  }

  /** Posts with their authors (one query), leaving out those held for review when asked. */
  async findWithAuthors(ids: string[], options: { held: boolean }): Promise<Post[]> {
    if (ids.length === 0) return [];
    const builder = this.db()
      .createQueryBuilder(Post, 'post')
      .innerJoinAndSelect('post.author', 'author')
      .where('post.id = ANY(CAST(:ids AS uuid[]))', { ids });
    if (!options.held) builder.andWhere('NOT post.pending_review');
    return builder.getMany();
  }

  /** Posts with their topic and category, for access checks on each. */
  async findWithCategories(ids: string[]): Promise<Post[]> {
    return this.db().find(Post, { where: { id: In(ids) }, relations: { topic: { category: true } } });
  }

  /** A post's number in a topic; null when the post is not in that topic, `{ number: null }` for a held reply. */
  async numberInTopic(id: string, topicId: string): Promise<{ number: number | null } | null> {
    // The id is selected too: TypeORM answers null for a row whose selected columns are all null.
    const post = await this.db().findOne(Post, { select: { id: true, number: true }, where: { id, topicId } });
    return post ? { number: post.number } : null;
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

  /** A member's bookmarked posts with their authors, newest bookmark first, inside `visible` (over `category`). */
  async bookmarkedBy(userId: string, visible: SqlScope, limit: number): Promise<Post[]> {
    return (
      this.db()
        .createQueryBuilder(Post, 'post')
        .innerJoinAndSelect('post.author', 'author')
        // The topic and category come along: each post's `can` is asked of its category.
        .innerJoinAndSelect('post.topic', 'topic')
        .innerJoinAndSelect('topic.category', 'category')
        .innerJoin('bookmarks', 'bookmark', 'bookmark.post_id = post.id AND bookmark.user_id = :userId', { userId })
        .where(visible.where, visible.params)
        .orderBy('bookmark.created_at', 'DESC')
        // limit, not take: every join here is to-one, and take's distinct subquery cannot order by a raw join.
        .limit(limit)
        .getMany()
    );
  }
}
