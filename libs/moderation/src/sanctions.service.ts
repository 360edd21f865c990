import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { SessionsService, User } from '@harbour/accounts';
import { ConflictError, DomainEvents, InvalidInputError, isUuid, NotFoundError, RuleRefusedError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { SanctionDto } from '@harbour/contracts';
import { MailService, sanctionMail } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import type { AppealDto, CreateSanctionDto } from './moderation.dtos';
import { ReviewQueueService } from './review-queue.service';
import { Sanction } from './sanction.entity';

/** The longest silence or suspension: past that, ban. */
const MAX_DAYS = 3650;

/**
 * Warn, silence, suspend, ban, and lift. The member's state lives on their user row (`silenced_until`,
 * `status`, `suspended_until`), recomputed from their unlifted sanctions whenever one is added or lifted,
 * in the same transaction as the sanction, its log entry and the email that tells the member.
 */
@Injectable()
export class SanctionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
    private readonly queue: ReviewQueueService,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async apply(caller: Caller, userId: string, dto: CreateSanctionDto): Promise<{ id: string }> {
    const user = await this.member(userId);
    this.access.assertCan(caller, { action: 'user.sanction', target: user });
    const timed = dto.type === 'silence' || dto.type === 'suspend';
    if (timed && !dto.until) throw new InvalidInputError(`until is required for ${dto.type}`);
    if (!timed && dto.until) throw new InvalidInputError(`until is only for silence and suspend`);
    if (dto.until && (dto.until.getTime() <= Date.now() || dto.until.getTime() > Date.now() + MAX_DAYS * 86_400_000)) {
      throw new InvalidInputError(`until must be a date in the future, at most ${MAX_DAYS} days away`);
    }
    const { siteName } = await this.settings.get();
    const sanction = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Sanction, {
          userId: user.id,
          type: dto.type,
          reason: dto.reason,
          until: dto.until ?? null,
          createdById: caller.userId,
        }),
      );
      await this.recompute(manager, user.id);
      if (dto.type === 'suspend' || dto.type === 'ban') await this.sessions.revokeAll(user.id, manager);
      await audit(manager, {
        actorId: caller.userId,
        action: `sanction.${dto.type}`,
        targetType: 'user',
        targetId: user.id,
        reason: dto.reason,
      });
      await this.mail.enqueue(
        sanctionMail({
          to: user.email,
          locale: user.locale,
          siteName,
          type: dto.type,
          reason: dto.reason,
          until: saved.until,
          link: `${this.config.publicUrl}/moderation/mine`,
        }),
        manager,
      );
      return saved;
    });
    if (dto.type === 'suspend' || dto.type === 'ban') {
      this.events.publish('SessionsRevoked', { userId: user.id, sessionIds: 'all', reason: dto.type === 'ban' ? 'banned' : 'suspended' });
    }
    this.events.publish('SanctionApplied', { sanctionId: sanction.id, userId: user.id, actorId: caller.userId, type: dto.type });
    return { id: sanction.id };
  }

  async lift(caller: Caller, userId: string, sanctionId: string): Promise<void> {
    const user = await this.member(userId);
    this.access.assertCan(caller, { action: 'user.sanction', target: user });
    if (!isUuid(sanctionId)) throw new NotFoundError();
    await this.dataSource.transaction(async (manager) => {
      const lifted = await manager.update(Sanction, { id: sanctionId, userId: user.id, liftedAt: IsNull() }, { liftedAt: new Date() });
      if (!lifted.affected) throw new NotFoundError();
      await this.recompute(manager, user.id);
      await this.queue.closeAppeals(manager, user.id, caller.userId);
      await audit(manager, {
        actorId: caller.userId,
        action: 'sanction.lift',
        targetType: 'user',
        targetId: user.id,
        reason: null,
      });
    });
    this.events.publish('SanctionLifted', { sanctionId, userId: user.id, actorId: caller.userId });
  }

  /** A member's own sanctions, newest first: what they must acknowledge and may appeal. */
  async mine(caller: Caller): Promise<{ items: SanctionDto[] }> {
    const rows = await this.dataSource
      .getRepository(Sanction)
      .find({ where: { userId: caller.userId }, order: { createdAt: 'DESC' }, take: 50 });
    return { items: rows.map(toSanctionDto) };
  }

  async acknowledge(caller: Caller, sanctionId: string): Promise<void> {
    const sanction = await this.own(caller, sanctionId);
    if (sanction.acknowledgedAt) return;
    await this.dataSource.getRepository(Sanction).update({ id: sanction.id }, { acknowledgedAt: new Date() });
  }

  /** One appeal per sanction, while it stands; it waits in the queue for site staff. */
  async appeal(caller: Caller, sanctionId: string, dto: AppealDto): Promise<void> {
    const sanction = await this.own(caller, sanctionId);
    if (sanction.liftedAt) throw new RuleRefusedError('This sanction has been lifted');
    await this.dataSource.transaction(async (manager) => {
      const appealed = await manager.update(
        Sanction,
        { id: sanction.id, appealedAt: IsNull() },
        { appealedAt: new Date(), appealMessage: dto.message },
      );
      if (!appealed.affected) throw new ConflictError('This sanction has already been appealed');
      await this.queue.openAppeal(manager, caller.userId);
    });
  }

  private async own(caller: Caller, sanctionId: string): Promise<Sanction> {
    const sanction = isUuid(sanctionId)
      ? await this.dataSource.getRepository(Sanction).findOneBy({ id: sanctionId, userId: caller.userId })
      : null;
    if (!sanction) throw new NotFoundError();
    return sanction;
  }

  private async member(userId: string): Promise<User> {
    const user = isUuid(userId) ? await this.dataSource.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user) throw new NotFoundError();
    return user;
  }

  /** The member's state from their standing sanctions: the latest silence end, a ban, or the latest suspension end. */
  private async recompute(manager: EntityManager, userId: string): Promise<void> {
    // Sanctions given at once take turns on the member's row, so each recount sees the others' (committed)
    // sanctions; NO KEY: the sanction's own foreign key already holds a KEY SHARE lock on this row.
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
    await manager.query(
      `WITH standing AS (
         SELECT type, until FROM sanctions WHERE user_id = $1 AND lifted_at IS NULL AND (until IS NULL OR until > now())
       )
       UPDATE users SET
         silenced_until = (SELECT max(until) FROM standing WHERE type = 'silence'),
         suspended_until = (SELECT max(until) FROM standing WHERE type = 'suspend'),
         status = CASE
           WHEN status = 'pending' THEN status
           WHEN EXISTS (SELECT 1 FROM standing WHERE type = 'ban') THEN 'banned'
           WHEN EXISTS (SELECT 1 FROM standing WHERE type = 'suspend') THEN 'suspended'
           ELSE 'active' END
       WHERE id = $1`,
      [userId],
    );
  }
}

export function toSanctionDto(sanction: Sanction): SanctionDto {
  return {
    id: sanction.id,
    type: sanction.type,
    reason: sanction.reason,
    until: sanction.until?.toISOString() ?? null,
    createdAt: sanction.createdAt.toISOString(),
    liftedAt: sanction.liftedAt?.toISOString() ?? null,
    acknowledgedAt: sanction.acknowledgedAt?.toISOString() ?? null,
    appealedAt: sanction.appealedAt?.toISOString() ?? null,
  };
}
