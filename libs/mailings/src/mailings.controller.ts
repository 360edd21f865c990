import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type {
  ArchivedMailingDto,
  ArchivedMailingPageDto,
  MailingDto,
  MailingPreviewDto,
  MailingRecipientCountDto,
  MailingSummaryDto,
  PageDto,
} from '@harbour/contracts';
import { CreateMailingDto, MailingsQueryDto, PreviewQueryDto, SendMailingDto, TestSendDto, UpdateMailingDto } from './mailings.dtos';
import { MailingsService } from './mailings.service';

/** The public archive of sent mailings. Registered before MailingsController, whose `:id` would match "archive". */
@ApiTags('mailings')
@Public()
@Controller('mailings/archive')
export class MailingArchiveController {
  constructor(private readonly mailings: MailingsService) {}

  @Get()
  list(@CurrentCaller() caller: Caller | null, @Query() query: MailingsQueryDto): Promise<PageDto<ArchivedMailingDto>> {
    return this.mailings.archive(caller, query);
  }

  @Get(':id')
  page(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<ArchivedMailingPageDto> {
    return this.mailings.archivedPage(caller, id);
  }
}

@ApiTags('mailings')
@Authenticated({ permission: 'admin.mailings' })
@Controller('mailings')
export class MailingsController {
  constructor(private readonly mailings: MailingsService) {}

  @Get()
  list(@Query() query: MailingsQueryDto): Promise<PageDto<MailingSummaryDto>> {
    return this.mailings.list(query);
  }

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateMailingDto): Promise<MailingDto> {
    return this.mailings.create(caller, dto);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<MailingDto> {
    return this.mailings.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateMailingDto): Promise<MailingDto> {
    return this.mailings.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): Promise<void> {
    return this.mailings.remove(id);
  }

  @Get(':id/recipient-count')
  recipientCount(@Param('id') id: string): Promise<MailingRecipientCountDto> {
    return this.mailings.recipientCount(id);
  }

  @Get(':id/preview')
  preview(@Param('id') id: string, @Query() query: PreviewQueryDto): Promise<MailingPreviewDto> {
    return this.mailings.preview(id, query.locale);
  }

  @Post(':id/test')
  @HttpCode(202)
  test(@Param('id') id: string, @Body() dto: TestSendDto): Promise<void> {
    return this.mailings.test(id, dto);
  }

  @Post(':id/send')
  @HttpCode(202)
  send(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: SendMailingDto): Promise<MailingDto> {
    return this.mailings.send(caller, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<MailingDto> {
    return this.mailings.cancel(caller, id);
  }
}
