import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import type { CursorPosition } from '@harbour/common';
import type { FlagTargetType, Resolution } from '@harbour/contracts';
import { joinMessageTarget } from '@harbour/conversations';
import { joinForumTarget } from '@harbour/forum';
import type { ReviewItemKind } from './review-item.entity';

/** How long a moderator's claim on an item keeps others from acting on it. */
const CLAIM_MINUTES = 15;

/** An open queue item with what it is about, as the listing query reads it. */
export interface ItemRow {
  id: string;
  kind: ReviewItemKind;
  target_type: FlagTargetType;
  target_id: string;
  created_at: Date;
  /** Null once the claim is older than CLAIM_MINUTES. */
  claimed_by_id: string | null;
  member_id: string | null;
  /** The target post (a topic's first post) is anonymous: its label number. */
  anonymous_number: number | null;
  topic_id: string | null;
  topic_title: string | null;
  post_id: string | null;
  post_number: number | null;
  body: string | null;
  html: string | null;
  hidden: boolean | null;
  deleted: boolean | null;
  /** A reported message: its conversation and number (the context is read from them). */
  message_conversation_id: string | null;
  message_number: number | null;
}

/** Review items (reports gathered by target, held posts, appeals): all SQL on `review_items` lives here. */
@Injectable()
export class ReviewItemRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Open items inside `scope` (a condition over the category alias `c`), oldest first, after `after`. */
  async listOpen(scope: SqlScope, after: CursorPosition | null, limit: number): Promise<ItemRow[]> {
    const builder = this.open(this.db(), scope);
    if (after) builder.andWhere('(i.created_at, i.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    return builder.orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').limit(limit).getRawMany<ItemRow>();
  }

  /** The open item `id`, or the item of the report `id`, inside `scope`, locked for a decision. */
  async lockOpen(manager: EntityManager, scope: SqlScope, id: string): Promise<ItemRow | null> {
    const row = await this.open(manager, scope)
      .andWhere('(i.id = :id OR i.id = (SELECT f.item_id FROM flags f WHERE f.id = :id))', { id })
      .setLock('pessimistic_write', undefined, ['i'])
      .getRawOne<ItemRow>();
    return row ?? null;
  }

  async resolve(manager: EntityManager, id: string, resolution: Resolution, actorId: string): Promise<void> {
    await manager.query(
      `UPDATE review_items SET status = 'resolved', resolution = $2, resolved_by_id = $3, resolved_at = now() WHERE id = $1`,
      [id, resolution, actorId],
    );
  }

  async claim(manager: EntityManager, id: string, actorId: string): Promise<void> {
    await manager.query('UPDATE review_items SET claimed_by_id = $2, claimed_at = now() WHERE id = $1', [id, actorId]);
  }

  /** The open reports item about a target (made on the first report); answers its id. */
  async openForReports(manager: EntityManager, targetType: FlagTargetType, targetId: string): Promise<string> {
    const [item]: { id: string }[] = await manager.query(
      `INSERT INTO review_items (kind, target_type, target_id) VALUES ('flags', $1, $2)
       ON CONFLICT (kind, target_type, target_id) WHERE status = 'open' DO UPDATE SET kind = EXCLUDED.kind
       RETURNING id`,
      [targetType, targetId],
    );
    return item!.id;
  }

  /**
   * A topic merged into another (forum's TopicMoves): reports about it now concern the topic that took its posts,
   * except an open item where that topic already has one of the same kind (it stays, about the merged-away topic).
   */
  async followTopicMerge(manager: EntityManager, fromTopicId: string, intoTopicId: string): Promise<void> {
    await manager.query(
      `UPDATE review_items i SET target_id = $2 WHERE i.target_type = 'topic' AND i.target_id = $1
          AND (i.status <> 'open' OR NOT EXISTS (
            SELECT 1 FROM review_items o WHERE o.kind = i.kind AND o.target_type = 'topic' AND o.target_id = $2 AND o.status = 'open'))`,
      [fromTopicId, intoTopicId],
    );
  }

  /** A post held for review waits in the queue: opened in the post's own transaction (forum's ReviewHolds). */
  async openHeld(manager: EntityManager, target: { targetType: 'post' | 'topic'; targetId: string }): Promise<void> {
    await manager.query(`INSERT INTO review_items (kind, target_type, target_id) VALUES ('held', $1, $2)`, [
      target.targetType,
      target.targetId,
    ]);
  }

  /** Opens an appeal of a sanction as a queue item for site staff. */
  async openAppeal(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO review_items (kind, target_type, target_id) VALUES ('appeal', 'user', $1)
       ON CONFLICT (kind, target_type, target_id) WHERE status = 'open' DO NOTHING`,
      [userId],
    );
  }

  /** Closes a member's open appeal (their sanction was lifted). */
  async closeAppeals(manager: EntityManager, userId: string, actorId: string): Promise<void> {
    await manager.query(
      `UPDATE review_items SET status = 'resolved', resolution = 'lifted', resolved_by_id = $2, resolved_at = now()
        WHERE kind = 'appeal' AND target_type = 'user' AND target_id = $1 AND status = 'open'`,
      [userId, actorId],
    );
  }

  /** Open queue items joined to their post (a topic's first post), topic and category `c`, inside `scope`. */
  private open(manager: EntityManager, scope: SqlScope): SelectQueryBuilder<object> {
    const forum = joinForumTarget(manager.createQueryBuilder().from('review_items', 'i'), 'i.target_type', 'i.target_id');
    // A reported message has no category (`c` is NULL): only site staff's scope reaches it, never a group's moderators.
    return joinMessageTarget(forum, 'i.target_type', 'i.target_id')
      .select([
        'i.id AS id',
        'i.kind AS kind',
        'i.target_type AS target_type',
        'i.target_id AS target_id',
        'i.created_at AS created_at',
        `CASE WHEN i.claimed_at > now() - make_interval(mins => ${CLAIM_MINUTES}) THEN i.claimed_by_id END AS claimed_by_id`,
        `CASE WHEN i.target_type = 'user' THEN i.target_id ELSE coalesce(p.author_id, t.author_id, msg.author_id) END AS member_id`,
        // An anonymous target's member is for the decision's notice to its author, never for the queue's reader.
        'coalesce(p.anonymous_number, first.anonymous_number) AS anonymous_number',
        't.id AS topic_id',
        't.title AS topic_title',
        'coalesce(p.id, first.id) AS post_id',
        'coalesce(p.number, first.number) AS post_number',
        'coalesce(p.body, first.body) AS body',
        'coalesce(p.html, first.html) AS html',
        'coalesce(p.hidden, first.hidden) AS hidden',
        'coalesce(p.deleted_at, first.deleted_at, msg.deleted_at) IS NOT NULL AS deleted',
        'msg.conversation_id AS message_conversation_id',
        'msg.number AS message_number',
      ])
      .where(`i.status = 'open'`)
      .andWhere(scope.where, scope.params);
  }
}
