import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, InvalidInputError, NotFoundError, RuleRefusedError, isUuid, paginateNewestFirst } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type {
  ArchivedMailingDto,
  ArchivedMailingPageDto,
  Locale,
  MailingAudience,
  MailingDto,
  MailingPreviewDto,
  MailingRecipientCountDto,
  MailingSummaryDto,
  PageDto,
} from '@harbour/contracts';
import { MailService } from '@harbour/mail';
import { GroupRepository } from '@harbour/groups';
import { SettingsService } from '@harbour/settings';
import { MailingDeliveryRepository } from './mailing-delivery.repository';
import type { AudienceKind, Mailing } from './mailing.entity';
import { MailingRepository } from './mailing.repository';
import { MailingRenderer } from './mailing-renderer';
import { MailingSender } from './mailing-sender';
import { NO_DELIVERIES, toArchivedMailingDto, toMailingDto, toMailingSummaryDto, type DeliveryCounts } from './mailings.mappers';
import type { CreateMailingDto, MailingsQueryDto, SendMailingDto, TestSendDto, UpdateMailingDto } from './mailings.dtos';
import { mailable } from './email-address';

/** How far ahead a mailing may be scheduled. */
const MAX_SCHEDULE_DAYS = 366;

/** Admins' mailings: write, preview, test, schedule or send, follow; and the public archive of sent ones. */
@Injectable()
export class MailingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailings: MailingRepository,
    private readonly deliveries: MailingDeliveryRepository,
    private readonly groups: GroupRepository,
    private readonly renderer: MailingRenderer,
    private readonly sender: MailingSender,
    private readonly mail: MailService,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async create(caller: Caller, dto: CreateMailingDto): Promise<MailingDto> {
    const audience = await this.audience(dto.audience);
    const mailing = await this.mailings.insert({
      subject: dto.subject,
      body: dto.body,
      subjectFr: dto.subjectFr ?? null,
      bodyFr: dto.bodyFr ?? null,
      ...audience,
      createdBy: caller.userId,
    });
    return this.get(mailing.id);
  }

  /** Only a draft changes; a scheduled mailing is cancelled (back to draft) first. */
  async update(id: string, dto: UpdateMailingDto): Promise<MailingDto> {
    await this.dataSource.transaction(async (manager) => {
      const mailing = await this.find(id, manager);
      if (mailing.status !== 'draft') throw new ConflictError('only a draft can be changed; cancel the schedule first');
      if (dto.subject !== undefined) mailing.subject = dto.subject;
      if (dto.body !== undefined) mailing.body = dto.body;
      if (dto.subjectFr !== undefined) mailing.subjectFr = dto.subjectFr;
      if (dto.bodyFr !== undefined) mailing.bodyFr = dto.bodyFr;
      if (dto.audience !== undefined) Object.assign(mailing, await this.audience(dto.audience));
      if ((mailing.subjectFr === null) !== (mailing.bodyFr === null))
        throw new InvalidInputError('subjectFr and bodyFr must be given together');
      await this.mailings.save(mailing, manager);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const mailing = await this.find(id);
    if (mailing.status !== 'draft') throw new ConflictError('only a draft can be deleted; a sent mailing stays in the record');
    await this.mailings.delete(id);
  }

  async list(query: MailingsQueryDto): Promise<PageDto<MailingSummaryDto>> {
    const page = await paginateNewestFirst(this.mailings.listQuery(), query, 'createdAt', (row) => row);
    const counts = await this.counts(page.items);
    const names = await this.groups.namesByIds(page.items.map((row) => row.audienceGroupId));
    return {
      items: page.items.map((row) => toMailingSummaryDto(row, counts.get(row.id) ?? NO_DELIVERIES, nameOf(names, row.audienceGroupId))),
      nextCursor: page.nextCursor,
    };
  }

  /** Who would receive the mailing if it were sent now (the send dialog states it; the real list is written at sending). */
  async recipientCount(id: string): Promise<MailingRecipientCountDto> {
    return { count: await this.deliveries.countRecipients(await this.find(id)) };
  }

  async get(id: string): Promise<MailingDto> {
    const mailing = await this.find(id);
    const counts = await this.counts([mailing]);
    const names = await this.groups.namesByIds([mailing.audienceGroupId]);
    return toMailingDto(mailing, counts.get(mailing.id) ?? NO_DELIVERIES, nameOf(names, mailing.audienceGroupId));
  }

  async preview(id: string, locale: Locale = 'en'): Promise<MailingPreviewDto> {
    const mailing = await this.find(id);
    const sender = await this.renderer.sender();
    const message = this.renderer.message('subscriber@example.org', this.renderer.content(mailing, locale), sender, mailing, 'preview');
    return { locale, subject: message.subject, html: message.html, text: message.text };
  }

  /** One copy to one address, marked as a test, through the same queue as all mail; any status. */
  async test(id: string, dto: TestSendDto): Promise<void> {
    const mailing = await this.find(id);
    const email = mailable(dto.email);
    const sender = await this.renderer.sender();
    const content = this.renderer.content(mailing, dto.locale ?? 'en');
    const message = this.renderer.message(
      email,
      { ...content, subject: `[${content.locale === 'fr' ? 'Essai' : 'Test'}] ${content.subject}` },
      sender,
      mailing,
      null,
    );
    await this.mail.enqueue(message);
  }

  /**
   * Sends now (recipients written in this transaction, the sender woken when it commits) or schedules for
   * `at`. Refused while the sender's mailing address is not set: CASL requires it in every message.
   */
  async send(caller: Caller, id: string, dto: SendMailingDto): Promise<MailingDto> {
    const at = dto.at ? new Date(dto.at) : null;
    if (at && at.getTime() > Date.now() + MAX_SCHEDULE_DAYS * 86_400_000)
      throw new InvalidInputError(`at must be within ${MAX_SCHEDULE_DAYS} days`);
    const later = at !== null && at.getTime() > Date.now() + 1000;
    await this.dataSource.transaction(async (manager) => {
      const mailing = await this.find(id, manager);
      if (mailing.status !== 'draft') throw new ConflictError(`this mailing is ${mailing.status}, not a draft`);
      if ((await this.settings.get()).mailingAddress.trim() === '') {
        throw new RuleRefusedError(
          'set the sender’s mailing address in the site settings first: the law (CASL) requires it in every mailing',
        );
      }
      if (mailing.audienceKind === 'group' && mailing.audienceGroupId === null)
        throw new RuleRefusedError('the group this mailing was for no longer exists');
      if (later) {
        await this.mailings.schedule(id, at, manager);
        await this.sender.wake(id, { manager, startAfter: Math.ceil((at.getTime() - Date.now()) / 1000) });
      } else {
        await this.sender.start(manager, mailing);
        await this.sender.wake(id, { manager });
      }
      const sent = await this.mailings.findById(id, manager);
      await audit(manager, {
        actorId: caller.userId,
        action: later ? 'mailing.schedule' : 'mailing.send',
        targetType: 'mailing',
        targetId: id,
        reason: later ? `${mailing.subject} — for ${at.toISOString()}` : `${mailing.subject} — to ${sent?.total ?? 0} recipients`,
      });
    });
    return this.get(id);
  }

  /** A scheduled mailing goes back to draft (its wake-up finds it so and does nothing). */
  async cancel(caller: Caller, id: string): Promise<MailingDto> {
    const cancelled = await this.dataSource.transaction(async (manager) => {
      if (!isUuid(id) || !(await this.mailings.cancelScheduled(id, manager))) return false;
      await audit(manager, { actorId: caller.userId, action: 'mailing.cancel', targetType: 'mailing', targetId: id });
      return true;
    });
    if (!cancelled) {
      await this.find(id);
      throw new ConflictError('only a scheduled mailing can be cancelled');
    }
    return this.get(id);
  }

  async archive(caller: Caller | null, query: MailingsQueryDto): Promise<PageDto<ArchivedMailingDto>> {
    const scope = this.access.archivedMailings(caller, await this.settings.accessRules(), 'mailing');
    return paginateNewestFirst(this.mailings.archiveQuery(scope), query, 'sentAt', (row) =>
      toArchivedMailingDto(row, this.config.publicUrl),
    );
  }

  async archivedPage(caller: Caller | null, id: string): Promise<ArchivedMailingPageDto> {
    const mailing = isUuid(id) ? await this.mailings.findById(id) : null;
    const site = await this.settings.accessRules();
    if (!mailing || !this.access.can(caller, { action: 'mailing.read', mailing, site })) throw new NotFoundError();
    return {
      ...toArchivedMailingDto(mailing, this.config.publicUrl),
      html: this.renderer.html(mailing.body),
      htmlFr: mailing.subjectFr && mailing.bodyFr ? this.renderer.html(mailing.bodyFr) : null,
    };
  }

  /** A mailing (row-locked inside a transaction), or the 404 of a missing one. */
  private async find(id: string, manager?: EntityManager): Promise<Mailing> {
    const mailing = isUuid(id) ? await this.mailings.find(id, { lock: manager !== undefined }, manager) : null;
    if (!mailing) throw new NotFoundError();
    return mailing;
  }

  private async audience(audience: MailingAudience): Promise<{ audienceKind: AudienceKind; audienceGroupId: string | null }> {
    if (audience === 'subscribers' || audience === 'members') return { audienceKind: audience, audienceGroupId: null };
    const [groupId] = await this.groups.existingIds([audience.groupId]);
    if (!groupId) throw new InvalidInputError('audience.groupId is not a group');
    return { audienceKind: 'group', audienceGroupId: groupId };
  }

  /** Each mailing's delivery counts, in one query whatever the number of mailings. */
  private async counts(mailings: Mailing[]): Promise<Map<string, DeliveryCounts>> {
    const started = mailings.filter((m) => m.startedAt !== null);
    const result = new Map<string, DeliveryCounts>();
    if (started.length === 0) return result;
    const rows = await this.deliveries.countsByStatus(started.map((m) => m.id));
    for (const row of rows) {
      const counts = result.get(row.mailing_id) ?? { ...NO_DELIVERIES };
      if (row.status === 'sending') counts.queued += row.count;
      else if (row.status === 'failed') counts.failed += row.count;
      else if (row.status === 'interrupted') {
        counts.interrupted += row.count;
        counts.failed += row.count;
      } else if (row.status in counts) counts[row.status as keyof DeliveryCounts] += row.count;
      result.set(row.mailing_id, counts);
    }
    return result;
  }
}

function nameOf(names: Map<string, string>, groupId: string | null): string | null {
  return groupId === null ? null : (names.get(groupId) ?? null);
}
