import { Body, Controller, Get, Header, HttpCode, Ip, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import type { MailingAddressStateDto, PageDto, SubscriberDto, SubscriberImportReportDto, SubscriberStatus } from '@harbour/contracts';
import { MySubscriptionDto, OneClickDto, SubscribeDto, SubscribersQueryDto, SuppressSubscriberDto, TokenQueryDto } from './mailings.dtos';
import { SubscriberImport } from './subscriber-import.service';
import { SubscribersService } from './subscribers.service';

/** The mailing list: the public form and links (no account needed), a member's own choice, the admins' list. */
@ApiTags('mailings')
@Controller('mailing')
export class SubscribersController {
  constructor(
    private readonly subscribers: SubscribersService,
    private readonly importer: SubscriberImport,
  ) {}

  @Public()
  @Post('subscribe')
  @HttpCode(202)
  @EvenWhenSilenced()
  subscribe(@Body() dto: SubscribeDto, @Ip() address: string): Promise<void> {
    return this.subscribers.subscribe(dto, address);
  }

  @Public()
  @Get('confirm')
  confirm(@Query() query: TokenQueryDto): Promise<MailingAddressStateDto> {
    return this.subscribers.confirm(query.token);
  }

  @Public()
  @Get('unsubscribe')
  unsubscribeState(@Query() query: TokenQueryDto): Promise<MailingAddressStateDto> {
    return this.subscribers.addressState(query.token);
  }

  /** The unsubscribe page's button, and RFC 8058's one-click POST (a form with the token in the URL). */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @EvenWhenSilenced()
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  unsubscribe(@Query() query: TokenQueryDto, @Body() body: OneClickDto): Promise<MailingAddressStateDto> {
    return this.subscribers.unsubscribe(query.token ?? body.token);
  }

  @Public()
  @Post('resubscribe')
  @HttpCode(200)
  @EvenWhenSilenced()
  resubscribe(@Body() body: TokenQueryDto): Promise<MailingAddressStateDto> {
    return this.subscribers.resubscribe(body.token);
  }

  @Authenticated()
  @Get('me')
  mine(@CurrentCaller() caller: Caller): Promise<{ subscribed: boolean }> {
    return this.subscribers.mine(caller);
  }

  @Authenticated()
  @Put('me')
  @EvenWhenSilenced()
  setMine(@CurrentCaller() caller: Caller, @Body() dto: MySubscriptionDto): Promise<{ subscribed: boolean }> {
    return this.subscribers.setMine(caller, dto.subscribed);
  }

  @Authenticated({ permission: 'admin.mailings' })
  @Post('subscribers/import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'The CSV file itself (at most 20 MB)', schema: { type: 'string' } })
  import(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<SubscriberImportReportDto> {
    return this.importer.import(caller, body);
  }

  @Authenticated({ permission: 'admin.mailings' })
  @Patch('subscribers/:id')
  suppress(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: SuppressSubscriberDto): Promise<SubscriberDto> {
    return this.subscribers.suppress(caller, id, dto.status);
  }

  @Authenticated({ permission: 'admin.mailings' })
  @Get('subscribers')
  list(@Query() query: SubscribersQueryDto): Promise<PageDto<SubscriberDto>> {
    return this.subscribers.list(query);
  }

  @Authenticated({ permission: 'admin.mailings' })
  @Get('subscribers/counts')
  counts(): Promise<Record<SubscriberStatus, number>> {
    return this.subscribers.counts();
  }

  @Authenticated({ permission: 'admin.mailings' })
  @Get('subscribers/export')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="subscribers.csv"')
  @Header('Cache-Control', 'no-store')
  exportCsv(): Promise<string> {
    return this.subscribers.exportCsv();
  }
}
