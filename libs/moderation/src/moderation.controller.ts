import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessService, Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import { Client, type ClientInfo } from '@harbour/accounts';
import { PageQueryDto } from '@harbour/common';
import type { MemberRecordDto, ModerationLogEntryDto, PageDto, ReviewItemDto, SanctionDto } from '@harbour/contracts';
import { MemberRecordsService } from './member-records.service';
import { FlagsService } from './flags.service';
import { ModerationLog } from './moderation-log.service';
import { AppealDto, CreateFlagDto, CreateSanctionDto, LogQueryDto, NoteDto, ResolveDto, SignInAppealDto } from './moderation.dtos';
import { ReviewDecisionsService } from './review-decisions.service';
import { ReviewQueueService } from './review-queue.service';
import { SanctionsService } from './sanctions.service';

@ApiTags('moderation')
@Controller()
export class ModerationController {
  constructor(
    private readonly flags: FlagsService,
    private readonly queue: ReviewQueueService,
    private readonly decisions: ReviewDecisionsService,
    private readonly sanctions: SanctionsService,
    private readonly log: ModerationLog,
    private readonly access: AccessService,
    private readonly records: MemberRecordsService,
  ) {}

  @Authenticated()
  @Post('flags')
  report(@CurrentCaller() caller: Caller, @Body() dto: CreateFlagDto): Promise<{ id: string }> {
    return this.flags.report(caller, dto);
  }

  @Authenticated()
  @Get('moderation/queue')
  queuePage(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<PageDto<ReviewItemDto>> {
    return this.queue.page(caller, query);
  }

  @Authenticated()
  @Post('moderation/queue/:id/claim')
  @HttpCode(204)
  claim(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.decisions.claim(caller, id);
  }

  @Authenticated()
  @Post('moderation/flags/:id/resolve')
  @HttpCode(204)
  resolve(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: ResolveDto): Promise<void> {
    return this.decisions.resolve(caller, id, dto);
  }

  @Authenticated()
  @Get('moderation/users/:id')
  record(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<MemberRecordDto> {
    return this.records.get(caller, id);
  }

  @Authenticated()
  @Post('moderation/users/:id/notes')
  addNote(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: NoteDto): Promise<{ id: string }> {
    return this.records.addNote(caller, id, dto.body);
  }

  @Authenticated()
  @Post('moderation/users/:id/sanctions')
  sanction(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: CreateSanctionDto): Promise<{ id: string }> {
    return this.sanctions.apply(caller, id, dto);
  }

  @Authenticated()
  @Post('moderation/posts/:id/sanctions')
  sanctionAuthor(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: CreateSanctionDto): Promise<{ id: string }> {
    return this.sanctions.applyToAuthor(caller, id, dto);
  }

  @Authenticated()
  @Delete('moderation/users/:id/sanctions/:sanctionId')
  @HttpCode(204)
  lift(@CurrentCaller() caller: Caller, @Param('id') id: string, @Param('sanctionId') sanctionId: string): Promise<void> {
    return this.sanctions.lift(caller, id, sanctionId);
  }

  @Authenticated()
  @Get('moderation/log')
  logPage(@CurrentCaller() caller: Caller, @Query() query: LogQueryDto): Promise<PageDto<ModerationLogEntryDto>> {
    this.access.assertCan(caller, { action: 'moderation.log' });
    return this.log.page(caller, query);
  }

  /** A member's own sanctions: a silenced member must still read, acknowledge and appeal them. */
  @Authenticated()
  @Get('me/sanctions')
  mine(@CurrentCaller() caller: Caller): Promise<{ items: SanctionDto[] }> {
    return this.sanctions.mine(caller);
  }

  @Authenticated()
  @EvenWhenSilenced()
  @Post('me/sanctions/:id/acknowledge')
  @HttpCode(204)
  acknowledge(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.sanctions.acknowledge(caller, id);
  }

  /** A suspended or banned member's appeal, from the sign-in page (they have no session). */
  @Public()
  @Post('auth/appeal')
  @HttpCode(204)
  appealAtSignIn(@Body() dto: SignInAppealDto, @Client() client: ClientInfo): Promise<void> {
    return this.sanctions.appealAtSignIn(dto, client);
  }

  @Authenticated()
  @EvenWhenSilenced()
  @Post('me/sanctions/:id/appeal')
  @HttpCode(204)
  appeal(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: AppealDto): Promise<void> {
    return this.sanctions.appeal(caller, id, dto);
  }
}
