import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@harbour/access';
import { hashToken, InvalidInputError, newToken, paginateNewestFirst } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { CreatedSiteInvitationDto, PageDto, SiteInvitationDto } from '@harbour/contracts';
import { invitationMail, MailService } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import type { CreateSiteInvitationDto } from './account.dtos';
import type { SiteInvitation } from './site-invitation.entity';
import { SiteInvitationRepository } from './site-invitation.repository';

const DAY_MS = 86400_000;
const DEFAULT_VALID_DAYS = 14;

function toDto(invitation: SiteInvitation): SiteInvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    usedAt: invitation.usedAt?.toISOString() ?? null,
    uses: invitation.maxUses,
    usedCount: invitation.usedCount,
  };
}

/** Invitations to register while the site is invitation-only (admins send them). */
@Injectable()
export class SiteInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: SiteInvitationRepository,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /**
   * Creates a link, mailed to `email` when given (then it opens one account), and returned so it can be shared
   * another way; an event's link opens up to `uses` accounts until it expires.
   */
  async create(caller: Caller, dto: CreateSiteInvitationDto): Promise<CreatedSiteInvitationDto> {
    const uses = dto.uses ?? 1;
    if (dto.email !== undefined && uses > 1) throw new InvalidInputError('uses must be 1 when the link is mailed to one address');
    const token = newToken();
    const link = `${this.config.publicUrl}/sign-up?invitation=${encodeURIComponent(token)}`;
    const { siteName } = await this.settings.get();
    const id = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.insert(
        {
          email: dto.email?.toLowerCase() ?? null,
          tokenHash: hashToken(token),
          createdBy: caller.userId,
          expiresAt: new Date(Date.now() + (dto.validDays ?? DEFAULT_VALID_DAYS) * DAY_MS),
          maxUses: uses,
        },
        manager,
      );
      if (invitation.email) await this.mail.enqueue(invitationMail(invitation.email, dto.locale ?? 'en', siteName, link), manager);
      return invitation.id;
    });
    return { id, token, link };
  }

  async list(query: { cursor?: string; limit?: number }): Promise<PageDto<SiteInvitationDto>> {
    return paginateNewestFirst(this.invitations.listQuery(), query, 'createdAt', toDto);
  }

  /** Uses up an invitation inside the registration's transaction; a bad one is a 400 naming the field. */
  async spend(token: string, manager: EntityManager): Promise<string | null> {
    const invitation = await this.invitations.lockUsable(hashToken(token), manager);
    if (!invitation) throw new InvalidInputError('invitation is invalid, used or expired');
    await this.invitations.spendOne(invitation, manager);
    // The address the link was mailed to: registering with it proves the address already.
    return invitation.email;
  }
}
