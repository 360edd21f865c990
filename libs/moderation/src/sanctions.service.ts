import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { AuthService, SessionsService, UserRepository, type ClientInfo } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, ForbiddenError, InvalidInputError, isUuid, NotFoundError, RuleRefusedError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { Locale, SanctionDto } from '@harbour/contracts';
import { MailService, sanctionMail } from '@harbour/mail';
import { ForumLookup } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';
import type { AppealDto, CreateSanctionDto, SignInAppealDto } from './moderation.dtos';
import { ReviewItemRepository } from './review-item.repository';
import { toSanctionDto } from './sanction.mapper';
import { SanctionRepository } from './sanction.repository';
import type { Sanction } from './sanction.entity';

/** What sanctioning reads of a member (accounts owns the User entity; moderation never needs the rest of it). */
interface SanctionedMember {
  id: string;
  email: string;
  locale: Locale;
}

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
    private readonly users: UserRepository,
    private readonly sanctions: SanctionRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
    private readonly lookup: ForumLookup,
    private readonly auth: AuthService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async apply(caller: Caller, userId: string, dto: CreateSanctionDto): Promise<{ id: string }> {
    const user = await this.member(userId);
    this.access.assertCan(caller, { action: 'user.sanction', target: user });
    return this.sanction(caller, user, dto, null);
  }

  /**
   * Sanctions a post's author without naming them (the way to act on an anonymous post): the caller must
   * moderate the post's space and may sanction members. A refusal says nothing of who the author is.
   */
  async applyToAuthor(caller: Caller, postId: string, dto: CreateSanctionDto): Promise<{ id: string }> {
    const { post, category } = await this.lookup.post(caller, postId);
    if (!this.access.can(caller, { action: 'moderation.act', category })) throw new ForbiddenError('You are not allowed to do this');
    const user = await this.users.findById(post.authorId);
    if (!user || user.status === 'deleted' || !this.access.can(caller, { action: 'user.sanction', target: user })) {
      throw new ForbiddenError('You are not allowed to sanction the author of this post');
    }
    // An anonymous post's author is logged as the post, never as the member (api.md 1.1).
    return this.sanction(caller, user, dto, post.anonymousNumber === null ? null : post.id);
  }

  /** `user`: the member as accounts' UserRepository gives them (only what a sanction needs is read). */
  /** `anonymousPostId`: given through that anonymous post, which stands for the member in the log and records. */
  private async sanction(
    caller: Caller,
    user: SanctionedMember,
    dto: CreateSanctionDto,
    anonymousPostId: string | null,
  ): Promise<{ id: string }> {
    const timed = dto.type === 'silence' || dto.type === 'suspend';
    if (timed && !dto.until) throw new InvalidInputError(`until is required for ${dto.type}`);
    if (!timed && dto.until) throw new InvalidInputError(`until is only for silence and suspend`);
    if (dto.until && (dto.until.getTime() <= Date.now() || dto.until.getTime() > Date.now() + MAX_DAYS * 86_400_000)) {
      throw new InvalidInputError(`until must be a date in the future, at most ${MAX_DAYS} days away`);
    }
    const { siteName } = await this.settings.get();
    const sanction = await this.dataSource.transaction(async (manager) => {
      const saved = await this.sanctions.create(manager, {
        userId: user.id,
        type: dto.type,
        reason: dto.reason,
        until: dto.until ?? null,
        createdById: caller.userId,
        throughAnonymousPost: anonymousPostId !== null,
      });
      await this.recompute(manager, user.id);
      if (dto.type === 'suspend' || dto.type === 'ban') await this.sessions.revokeAll(user.id, manager);
      await audit(manager, {
        actorId: caller.userId,
        action: `sanction.${dto.type}`,
        ...(anonymousPostId === null ? { targetType: 'user', targetId: user.id } : { targetType: 'post', targetId: anonymousPostId }),
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
      if (!(await this.sanctions.lift(manager, user.id, sanctionId))) throw new NotFoundError();
      await this.recompute(manager, user.id);
      await this.reviewItems.closeAppeals(manager, user.id, caller.userId);
      await audit(manager, { actorId: caller.userId, action: 'sanction.lift', targetType: 'user', targetId: user.id, reason: null });
    });
    this.events.publish('SanctionLifted', { sanctionId, userId: user.id, actorId: caller.userId });
  }

  /** A member's own sanctions, newest first: what they must acknowledge and may appeal. */
  async mine(caller: Caller): Promise<{ items: SanctionDto[] }> {
    return { items: (await this.sanctions.ofMember(caller.userId, 50)).map(toSanctionDto) };
  }

  async acknowledge(caller: Caller, sanctionId: string): Promise<void> {
    const sanction = await this.own(caller, sanctionId);
    if (sanction.acknowledgedAt) return;
    await this.sanctions.acknowledge(sanction.id);
  }

  /** One appeal per sanction, while it stands; it waits in the queue for site staff. */
  async appeal(caller: Caller, sanctionId: string, dto: AppealDto): Promise<void> {
    const sanction = await this.own(caller, sanctionId);
    if (sanction.liftedAt) throw new RuleRefusedError('This sanction has been lifted');
    await this.record(caller.userId, sanction.id, dto.message);
  }

  /**
   * A suspended or banned member has no session: they appeal from the sign-in page with the credentials they
   * would sign in with (checked, and rate limited, as sign-in checks them), against what keeps them out.
   */
  async appealAtSignIn(dto: SignInAppealDto, client: ClientInfo): Promise<void> {
    const user = await this.auth.memberByCredentials(dto, client);
    const sanction = await this.sanctions.keepingOut(user.id);
    if (!sanction) throw new RuleRefusedError('This account is not suspended or banned: sign in instead');
    await this.record(user.id, sanction.id, dto.message);
  }

  private async record(userId: string, sanctionId: string, message: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The member's row held first (as their deletion takes it): an appeal racing it writes no message behind the erasure.
      await this.users.holdWriter(userId, manager);
      if (!(await this.sanctions.appeal(manager, sanctionId, message))) throw new ConflictError('This sanction has already been appealed');
      await this.reviewItems.openAppeal(manager, userId);
    });
    this.events.publish('AppealOpened', { userId, sanctionId });
  }

  private async own(caller: Caller, sanctionId: string): Promise<Sanction> {
    const sanction = isUuid(sanctionId) ? await this.sanctions.findOwn(caller.userId, sanctionId) : null;
    if (!sanction) throw new NotFoundError();
    return sanction;
  }

  private async member(userId: string) {
    const user = isUuid(userId) ? await this.users.findById(userId) : null;
    // A deleted account is nobody any more: no record, note or sanction (its row only keeps anonymous posts' author).
    if (!user || user.status === 'deleted') throw new NotFoundError();
    return user;
  }

  /** The member's state from their standing sanctions, under their row's lock (sanctions given at once take turns). */
  private async recompute(manager: EntityManager, userId: string): Promise<void> {
    await this.users.lockForStanding(userId, manager);
    await this.users.applyStanding(userId, await this.sanctions.standing(manager, userId), manager);
  }
}
