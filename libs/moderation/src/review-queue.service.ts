import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { decodeCursor, toPage } from '@harbour/common';
import type { FlagReason, PageDto, ReviewItemDto } from '@harbour/contracts';
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

  /** Reasons, notes, members and their records for a page of items: a fixed number of queries. */
  private async describe(caller: Caller, rows: ItemRow[]): Promise<ReviewItemDto[]> {
    if (rows.length === 0) return [];
    const memberIds = [...new Set(rows.flatMap((row) => [row.member_id, row.claimed_by_id].filter((id): id is string => id !== null)))];
    const appellantIds = rows.filter((row) => row.kind === 'appeal').map((row) => row.target_id);
    const [flags, members, histories, against, appeals] = await Promise.all([
      this.flags.ofItems(rows.map((row) => row.id)),
      this.users.findByIds(memberIds),
      this.sanctions.histories(memberIds),
      this.flags.countAgainst(memberIds),
      this.sanctions.appeals(appellantIds),
    ]);
    const users = new Map(members.map((user) => [user.id, user]));
    // Who reported is for site staff only: in a small group, its moderators may know the reported member.
    const reporters = this.access.can(caller, { action: 'report.seeReporters' })
      ? new Map((await this.users.findByIds(flags.map((flag) => flag.reporter_id))).map((user) => [user.id, user]))
      : new Map<string, never>();
    return rows.map((row) => {
      const own = flags.filter((flag) => flag.item_id === row.id);
      const counts = new Map<FlagReason, number>();
      for (const flag of own) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
      const member = row.member_id ? users.get(row.member_id) : undefined;
      const claimer = row.claimed_by_id ? users.get(row.claimed_by_id) : undefined;
      const history = row.member_id ? histories.get(row.member_id) : undefined;
      const appeal = row.kind === 'appeal' ? appeals.find((entry) => entry.user_id === row.target_id) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at.toISOString(),
        claimedBy: claimer ? toUserDto(claimer) : null,
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
        notes: own
          .filter((flag) => flag.note)
          .map((flag) => {
            const reporter = reporters.get(flag.reporter_id);
            return { note: flag.note!, reporter: reporter ? toUserDto(reporter) : null, createdAt: flag.created_at.toISOString() };
          }),
        history: {
          sanctions: history?.total ?? 0,
          activeSanction: history?.active ?? null,
          flagsAgainst: (row.member_id ? against.get(row.member_id) : undefined) ?? 0,
        },
        ...(appeal ? { appeal: { sanctionId: appeal.id, type: appeal.type, reason: appeal.reason, message: appeal.appeal_message } } : {}),
      };
    });
  }
}
