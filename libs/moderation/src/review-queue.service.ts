import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { anonymousLabel } from '@harbour/forum';
import { audit } from '@harbour/audit';
import { decodeCursor, toPage } from '@harbour/common';
import type { FlagReason, MessageDto, PageDto, ReviewItemDto } from '@harbour/contracts';
import { MessageRepository, toMessageDto } from '@harbour/conversations';
import { DataSource } from 'typeorm';
import { FlagRepository } from './flag.repository';
import { ReviewItemRepository, type ItemRow } from './review-item.repository';
import { SanctionRepository } from './sanction.repository';

/**
 * The review queue: open items grouped by target, each with the content (even if hidden), the reasons,
 * the reporters' notes and the member's record. A caller sees only what they moderate (see
 * AccessService.moderatedCategories); decisions are ReviewDecisionsService's.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly access: AccessService,
    private readonly reviewItems: ReviewItemRepository,
    private readonly flags: FlagRepository,
    private readonly sanctions: SanctionRepository,
    private readonly users: UserRepository,
    private readonly messages: MessageRepository,
    private readonly dataSource: DataSource,
  ) {}

  async page(caller: Caller, query: { cursor?: string; limit?: number }): Promise<PageDto<ReviewItemDto>> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    const limit = query.limit ?? 20;
    const rows = await this.reviewItems.listOpen(this.access.moderatedCategories(caller, 'c'), decodeCursor(query.cursor), limit + 1);
    const page = toPage(
      rows,
      limit,
      (row) => ({ at: row.created_at.toISOString(), id: row.id }),
      (row) => row,
    );
    return { nextCursor: page.nextCursor, items: await this.describe(caller, page.items) };
  }

  /** Messages before a reported one that its reviewers see with it (api.md 1.1). */
  private static readonly CONTEXT_BEFORE = 5;

  /**
   * The reported message and the five before it, for each message item on the page, oldest first. Showing
   * them is logged (`message.context_opened`, one entry per item shown, by whom): the only way staff ever
   * read a conversation, and it leaves a trace.
   */
  private async contexts(caller: Caller, rows: ItemRow[]): Promise<Map<string, MessageDto[]>> {
    const contexts = new Map<string, MessageDto[]>();
    for (const row of rows) {
      if (row.message_conversation_id === null || row.message_number === null) continue;
      const from = Math.max(1, row.message_number - ReviewQueueService.CONTEXT_BEFORE);
      const messages = await this.messages.range(row.message_conversation_id, from, row.message_number);
      contexts.set(
        row.id,
        messages.map((message) => toMessageDto(message, false)),
      );
    }
    if (contexts.size > 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const itemId of contexts.keys()) {
          const row = rows.find((candidate) => candidate.id === itemId)!;
          await audit(manager, {
            actorId: caller.userId,
            action: 'message.context_opened',
            targetType: 'message',
            targetId: row.target_id,
          });
        }
      });
    }
    return contexts;
  }

  /** Reasons, notes, members and their records for a page of items: a fixed number of queries. */
  private async describe(caller: Caller, rows: ItemRow[]): Promise<ReviewItemDto[]> {
    if (rows.length === 0) return [];
    // The author of an anonymous post is never named, nor fingerprinted by their record (api.md 1.1).
    const shown = (row: ItemRow): string | null => (row.anonymous_number === null ? row.member_id : null);
    const memberIds = [...new Set(rows.flatMap((row) => [shown(row), row.claimed_by_id].filter((id): id is string => id !== null)))];
    const appellantIds = rows.filter((row) => row.kind === 'appeal').map((row) => row.target_id);
    const [flags, members, histories, against, appeals] = await Promise.all([
      this.flags.ofItems(rows.map((row) => row.id)),
      this.users.findByIds(memberIds),
      this.sanctions.histories(memberIds),
      this.flags.countAgainst(memberIds),
      this.sanctions.appeals(appellantIds),
    ]);
    const users = new Map(members.map((user) => [user.id, user]));
    const contexts = await this.contexts(caller, rows);
    // Who reported is for site staff only: in a small group, its moderators may know the reported member.
    const reporters = this.access.can(caller, { action: 'report.seeReporters' })
      ? new Map((await this.users.findByIds(flags.map((flag) => flag.reporter_id))).map((user) => [user.id, user]))
      : new Map<string, never>();
    return rows.map((row) => {
      const own = flags.filter((flag) => flag.item_id === row.id);
      const counts = new Map<FlagReason, number>();
      for (const flag of own) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
      const memberId = shown(row);
      const member = memberId ? users.get(memberId) : undefined;
      const claimer = row.claimed_by_id ? users.get(row.claimed_by_id) : undefined;
      const history = memberId ? histories.get(memberId) : undefined;
      const appeal = row.kind === 'appeal' ? appeals.find((entry) => entry.user_id === row.target_id) : undefined;
      const context = contexts.get(row.id);
      const reported = context?.find((message) => message.id === row.target_id);
      return {
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at.toISOString(),
        claimedBy: claimer ? toUserDto(claimer) : null,
        target: {
          type: row.target_type,
          id: row.target_id,
          member: member ? toUserDto(member) : null,
          ...(row.anonymous_number === null ? {} : { anonymousLabel: anonymousLabel(row.anonymous_number) }),
          ...(row.topic_id ? { topicId: row.topic_id, topicTitle: row.topic_title ?? '' } : {}),
          ...(reported ? { body: reported.body, html: reported.html, deleted: Boolean(row.deleted) } : {}),
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
        notes: own
          .filter((flag) => flag.note)
          .map((flag) => {
            const reporter = reporters.get(flag.reporter_id);
            return { note: flag.note!, reporter: reporter ? toUserDto(reporter) : null, createdAt: flag.created_at.toISOString() };
          }),
        history: {
          sanctions: history?.total ?? 0,
          activeSanction: history?.active ?? null,
          flagsAgainst: (memberId ? against.get(memberId) : undefined) ?? 0,
        },
        ...(appeal ? { appeal: { sanctionId: appeal.id, type: appeal.type, reason: appeal.reason, message: appeal.appeal_message } } : {}),
        ...(context ? { context } : {}),
      };
    });
  }
}
