import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, isStaff, type Caller, type CategoryRef } from '@harbour/access';
import { audit } from '@harbour/audit';
import { toUserDto, User } from '@harbour/accounts';
import {
  ConflictError,
  decodeCursor,
  DomainEvents,
  type DomainEventMap,
  InvalidInputError,
  isUuid,
  NotFoundError,
  toPage,
} from '@harbour/common';
import type { FlagReason, PageDto, Resolution, ReviewItemDto, SanctionType } from '@harbour/contracts';
import type { ResolveDto } from './moderation.dtos';
import type { ReviewItemKind } from './review-item.entity';

/** How long a moderator's claim on an item keeps others from acting on it. */
const CLAIM_MINUTES = 15;

/** An open queue item with what it is about, as the listing query reads it. */
interface ItemRow {
  id: string;
  kind: ReviewItemKind;
  target_type: 'post' | 'topic' | 'user';
  target_id: string;
  created_at: Date;
  claimed_by_id: string | null;
  member_id: string | null;
  topic_id: string | null;
  topic_title: string | null;
  post_id: string | null;
  post_number: number | null;
  body: string | null;
  html: string | null;
  hidden: boolean | null;
  deleted: boolean | null;
  category_id: string | null;
  group_id: string | null;
  shared_group_ids: string[] | null;
  see_access: CategoryRef['seeAccess'] | null;
  start_access: CategoryRef['startAccess'] | null;
  reply_access: CategoryRef['replyAccess'] | null;
}

/**
 * The review queue: open items grouped by target, each with the content (even if hidden), the reasons,
 * the reporters' notes and the member's record. A caller sees only what they moderate (see
 * AccessService.moderatedCategories); an item they do not moderate is a 404, as if it did not exist.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  async page(caller: Caller, query: { cursor?: string; limit?: number }): Promise<PageDto<ReviewItemDto>> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    const limit = query.limit ?? 20;
    const builder = this.items(caller, this.dataSource.manager).andWhere(`i.status = 'open'`);
    const after = decodeCursor(query.cursor);
    if (after) builder.andWhere('(i.created_at, i.id) > (:at, :id)', { at: after.at, id: after.id });
    const rows = await builder
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit + 1)
      .getRawMany<ItemRow>();
    const page = toPage(
      rows,
      limit,
      (row) => ({ at: row.created_at.toISOString(), id: row.id }),
      (row) => row,
    );
    return { nextCursor: page.nextCursor, items: await this.describe(caller, page.items) };
  }

  /**
   * Decides an item: dismiss, or hide or delete the post (a topic's first post). All its reports close
   * together, in one transaction with the change and its log entry; then reporters and author are told.
   * `id` is the queue item's, or any of its reports' (the id `POST /api/flags` answered).
   */
  async resolve(caller: Caller, id: string, dto: ResolveDto): Promise<void> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    const done = await this.dataSource.transaction(async (manager) => {
      const row = await this.findOpen(caller, manager, id);
      assertFits(row, dto.action);
      if (row.claimed_by_id && row.claimed_by_id !== caller.userId) throw new ConflictError('Another moderator is working on this item');
      await manager.query(
        `UPDATE review_items SET status = 'resolved', resolution = $2, resolved_by_id = $3, resolved_at = now() WHERE id = $1`,
        [row.id, dto.action, caller.userId],
      );
      const approved = dto.action === 'approve' ? await this.approve(manager, row) : null;
      if (dto.action === 'hide') await manager.query('UPDATE posts SET hidden = true WHERE id = $1', [row.post_id]);
      if (dto.action === 'delete' || dto.action === 'reject') {
        await manager.query('UPDATE posts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL', [row.post_id]);
      }
      const logged = row.kind === 'appeal' ? 'appeal.dismiss' : row.kind === 'held' ? `post.${dto.action}` : `flag.${dto.action}`;
      await audit(manager, {
        actorId: caller.userId,
        action: logged,
        targetType: row.target_type,
        targetId: row.target_id,
        reason: dto.note,
      });
      const reporters: { reporter_id: string }[] = await manager.query('SELECT reporter_id FROM flags WHERE item_id = $1', [row.id]);
      return { row, approved, reporterIds: reporters.map((reporter) => reporter.reporter_id) };
    });
    const { row, approved, reporterIds } = done;
    if (row.post_id && row.topic_id && dto.action === 'hide') {
      this.events.publish('PostUpdated', { postId: row.post_id, topicId: row.topic_id, editorId: caller.userId });
    }
    if (row.post_id && row.topic_id && dto.action === 'delete')
      this.events.publish('PostDeleted', { postId: row.post_id, topicId: row.topic_id });
    // An approved post is new to everyone else: readers, watchers and the mentioned hear of it only now.
    if (approved) this.events.publish('PostCreated', approved);
    if (row.kind !== 'appeal') {
      this.events.publish('ReportsResolved', {
        itemId: row.id,
        actorId: caller.userId,
        reporterIds,
        outcome: dto.action,
        authorId: dto.action === 'dismiss' ? null : row.member_id,
        topicId: row.topic_id,
        postId: row.post_id,
      });
    }
  }

  /**
   * Lets a held post (and its topic, for a first post) be seen; returns what its PostCreated says. What a
   * held post would have changed for others is applied only now: a reply is numbered and counted in its
   * topic (under the topic row's lock, as PostWriter numbers posts), and its topic moves to the top of
   * "latest"; a held topic is counted in its category.
   */
  private async approve(manager: EntityManager, row: ItemRow): Promise<DomainEventMap['PostCreated']> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [[post]]: [{ author_id: string; parent_id: string | null; number: number | null }[], number] = await manager.query(
      'UPDATE posts SET hidden = false, pending_review = false WHERE id = $1 RETURNING author_id, parent_id, number',
      [row.post_id],
    );
    if (post!.number === null) {
      await manager.query(
        `WITH counted AS (UPDATE topics SET post_count = post_count + 1, last_post_at = now() WHERE id = $2 RETURNING post_count)
         UPDATE posts SET number = (SELECT post_count FROM counted) WHERE id = $1`,
        [row.post_id, row.topic_id],
      );
    } else if (post!.number === 1) {
      // The topic is new to its category only now (see TopicsService.create), and new in "latest".
      await manager.query(
        'WITH shown AS (UPDATE topics SET pending_review = false, last_post_at = now() WHERE id = $1 RETURNING category_id) UPDATE categories SET topic_count = topic_count + 1 WHERE id = (SELECT category_id FROM shown)',
        [row.topic_id],
      );
    }
    const mentioned: { user_id: string }[] = await manager.query('SELECT user_id FROM mentions WHERE post_id = $1', [row.post_id]);
    return {
      postId: row.post_id!,
      topicId: row.topic_id!,
      authorId: post!.author_id,
      parentId: post!.parent_id,
      mentionedUserIds: mentioned.map((mention) => mention.user_id),
      quotedPostIds: [],
      firstPost: post!.number === 1,
    };
  }

  /** Claims an item for a while, so that two moderators do not act on it at once. */
  async claim(caller: Caller, id: string): Promise<void> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    await this.dataSource.transaction(async (manager) => {
      const row = await this.findOpen(caller, manager, id);
      if (row.claimed_by_id && row.claimed_by_id !== caller.userId) throw new ConflictError('Another moderator is working on this item');
      await manager.query('UPDATE review_items SET claimed_by_id = $2, claimed_at = now() WHERE id = $1', [row.id, caller.userId]);
    });
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

  private async findOpen(caller: Caller, manager: EntityManager, id: string): Promise<ItemRow> {
    if (!isUuid(id)) throw new NotFoundError();
    const row = await this.items(caller, manager)
      .andWhere(`i.status = 'open'`)
      .andWhere('(i.id = :id OR i.id = (SELECT f.item_id FROM flags f WHERE f.id = :id))', { id })
      .setLock('pessimistic_write', undefined, ['i'])
      .getRawOne<ItemRow>();
    if (!row) throw new NotFoundError();
    return row;
  }

  /** Queue items joined to their post, topic and category, limited to what the caller moderates. */
  private items(caller: Caller, manager: EntityManager) {
    const scope = this.access.moderatedCategories(caller, 'c');
    return manager
      .createQueryBuilder()
      .from('review_items', 'i')
      .leftJoin('posts', 'p', `i.target_type = 'post' AND p.id = i.target_id`)
      .leftJoin('topics', 't', `t.id = CASE WHEN i.target_type = 'topic' THEN i.target_id ELSE p.topic_id END`)
      .leftJoin('posts', 'first', `i.target_type = 'topic' AND first.topic_id = t.id AND first.number = 1`)
      .leftJoin('categories', 'c', 'c.id = t.category_id')
      .select([
        'i.id AS id',
        'i.kind AS kind',
        'i.target_type AS target_type',
        'i.target_id AS target_id',
        'i.created_at AS created_at',
        `CASE WHEN i.claimed_at > now() - make_interval(mins => ${CLAIM_MINUTES}) THEN i.claimed_by_id END AS claimed_by_id`,
        `CASE WHEN i.target_type = 'user' THEN i.target_id ELSE coalesce(p.author_id, t.author_id) END AS member_id`,
        't.id AS topic_id',
        't.title AS topic_title',
        'coalesce(p.id, first.id) AS post_id',
        'coalesce(p.number, first.number) AS post_number',
        'coalesce(p.body, first.body) AS body',
        'coalesce(p.html, first.html) AS html',
        'coalesce(p.hidden, first.hidden) AS hidden',
        'coalesce(p.deleted_at, first.deleted_at) IS NOT NULL AS deleted',
        'c.id AS category_id',
        'c.group_id AS group_id',
        'c.shared_group_ids AS shared_group_ids',
        'c.see_access AS see_access',
        'c.start_access AS start_access',
        'c.reply_access AS reply_access',
      ])
      .where(scope.where, scope.params);
  }

  /** Reasons, notes, members and their records for a page of items: a fixed number of queries. */
  private async describe(caller: Caller, rows: ItemRow[]): Promise<ReviewItemDto[]> {
    if (rows.length === 0) return [];
    const itemIds = rows.map((row) => row.id);
    const memberIds = [...new Set(rows.flatMap((row) => [row.member_id, row.claimed_by_id].filter((id): id is string => id !== null)))];
    const [flags, members, sanctions, against, appeals] = await Promise.all([
      this.dataSource.query<{ item_id: string; reason: FlagReason; note: string | null; reporter_id: string; created_at: Date }[]>(
        'SELECT item_id, reason, note, reporter_id, created_at FROM flags WHERE item_id = ANY($1::uuid[]) ORDER BY created_at',
        [itemIds],
      ),
      memberIds.length ? this.dataSource.getRepository(User).findBy(memberIds.map((id) => ({ id }))) : Promise.resolve([]),
      this.dataSource.query<{ user_id: string; total: number; active: SanctionType | null }[]>(
        `SELECT user_id, count(*)::int AS total,
                (array_agg(type ORDER BY created_at DESC) FILTER (WHERE lifted_at IS NULL AND (until IS NULL OR until > now()) AND type <> 'warn'))[1] AS active
           FROM sanctions WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
        [memberIds],
      ),
      this.dataSource.query<{ member_id: string; total: number }[]>(
        `SELECT m.member_id, count(f.id)::int AS total
           FROM (SELECT i.id, CASE WHEN i.target_type = 'user' THEN i.target_id ELSE coalesce(p.author_id, t.author_id) END AS member_id
                   FROM review_items i
                   LEFT JOIN posts p ON i.target_type = 'post' AND p.id = i.target_id
                   LEFT JOIN topics t ON i.target_type = 'topic' AND t.id = i.target_id
                  WHERE i.kind = 'flags') m
           JOIN flags f ON f.item_id = m.id
          WHERE m.member_id = ANY($1::uuid[]) GROUP BY m.member_id`,
        [memberIds],
      ),
      this.dataSource.query<{ id: string; user_id: string; type: SanctionType; reason: string; appeal_message: string }[]>(
        `SELECT DISTINCT ON (user_id) id, user_id, type, reason, appeal_message FROM sanctions
          WHERE user_id = ANY($1::uuid[]) AND appealed_at IS NOT NULL ORDER BY user_id, appealed_at DESC`,
        [rows.filter((row) => row.kind === 'appeal').map((row) => row.target_id)],
      ),
    ]);
    const users = new Map(members.map((user) => [user.id, user]));
    const reporters = isStaff(caller)
      ? new Map(
          (await this.dataSource.getRepository(User).findBy([...new Set(flags.map((flag) => flag.reporter_id))].map((id) => ({ id })))).map(
            (user) => [user.id, user],
          ),
        )
      : new Map<string, User>();
    return rows.map((row) => {
      const own = flags.filter((flag) => flag.item_id === row.id);
      const counts = new Map<FlagReason, number>();
      for (const flag of own) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
      const member = row.member_id ? users.get(row.member_id) : undefined;
      const record = sanctions.find((entry) => entry.user_id === row.member_id);
      const appeal = row.kind === 'appeal' ? appeals.find((entry) => entry.user_id === row.target_id) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at.toISOString(),
        claimedBy: row.claimed_by_id && users.get(row.claimed_by_id) ? toUserDto(users.get(row.claimed_by_id)!) : null,
        target: {
          type: row.target_type,
          id: row.target_id,
          member: member ? toUserDto(member) : null,
          ...(row.topic_id ? { topicId: row.topic_id, topicTitle: row.topic_title ?? '' } : {}),
          ...(row.post_id
            ? {
                // A held reply has no number until it is approved.
                ...(row.post_number !== null ? { postNumber: row.post_number } : {}),
                body: row.body ?? '',
                html: row.html ?? '',
                hidden: Boolean(row.hidden),
                deleted: Boolean(row.deleted),
              }
            : {}),
        },
        reasons: [...counts].map(([reason, count]) => ({ reason, count })),
        // Who reported is for site staff only: in a small group, its moderators may know the reported member.
        notes: own
          .filter((flag) => flag.note)
          .map((flag) => {
            const reporter = reporters.get(flag.reporter_id);
            return { note: flag.note!, reporter: reporter ? toUserDto(reporter) : null, createdAt: flag.created_at.toISOString() };
          }),
        history: {
          sanctions: record?.total ?? 0,
          activeSanction: record?.active ?? null,
          flagsAgainst: against.find((entry) => entry.member_id === row.member_id)?.total ?? 0,
        },
        ...(appeal ? { appeal: { sanctionId: appeal.id, type: appeal.type, reason: appeal.reason, message: appeal.appeal_message } } : {}),
      };
    });
  }
}

/** Which decisions fit which item: reports are dismissed, hidden or deleted; held posts approved or rejected. */
function assertFits(row: ItemRow, action: Resolution): void {
  if (row.kind === 'held' && action !== 'approve' && action !== 'reject') {
    throw new InvalidInputError('action must be approve or reject for a post held for review');
  }
  if (row.kind === 'appeal' && action !== 'dismiss') {
    throw new InvalidInputError('action must be dismiss for an appeal (lift the sanction to accept it)');
  }
  if (row.kind === 'flags' && (action === 'approve' || action === 'reject')) {
    throw new InvalidInputError('action must be dismiss, hide or delete for reports');
  }
  if (row.kind === 'flags' && row.target_type === 'user' && action !== 'dismiss') {
    throw new InvalidInputError('action must be dismiss for a report about a member (sanction them from their page)');
  }
}
