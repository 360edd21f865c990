import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import { Client, type ClientInfo } from '@harbour/accounts';
import type { AlertDto, AlertRegionsDto, AlertReportDto, PageDto } from '@harbour/contracts';
import { AlertFeedService } from './alert-feed.service';
import { AlertMembersService } from './alert-members.service';
import { AlertReportsService } from './alert-reports.service';
import {
  AlertFeedQueryDto,
  AlertReportsQueryDto,
  AlertsQueryDto,
  AlertUnsubscribeDto,
  CreateAlertDto,
  CreateAlertReportDto,
  UpdateAlertDto,
} from './alerts.dtos';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly reports: AlertReportsService,
    private readonly members: AlertMembersService,
    private readonly feeds: AlertFeedService,
  ) {}

  /** The site's regions, with their English and French names. */
  @Public()
  @Get('regions')
  regions(): Promise<AlertRegionsDto> {
    return this.members.regions();
  }

  @Public()
  @Get('feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  feed(@CurrentCaller() caller: Caller | null, @Query() query: AlertFeedQueryDto): Promise<string> {
    return this.feeds.feed(caller, query.region);
  }

  @Public()
  @Get()
  list(@CurrentCaller() caller: Caller | null, @Query() query: AlertsQueryDto): Promise<PageDto<AlertDto>> {
    return this.alerts.list(caller, query);
  }

  @Authenticated()
  @Post()
  @HttpCode(201)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAlertDto): Promise<AlertDto> {
    return this.alerts.create(caller, dto);
  }

  /** Anyone, no account: only what they wrote is kept (not their account, address or browser). A silenced member too. */
  @Public()
  @Post('reports')
  @HttpCode(202)
  @EvenWhenSilenced()
  report(@CurrentCaller() caller: Caller | null, @Client() client: ClientInfo, @Body() dto: CreateAlertReportDto): Promise<void> {
    return this.reports.create(caller, client.address, dto);
  }

  @Authenticated()
  @Get('reports')
  reportList(@CurrentCaller() caller: Caller, @Query() query: AlertReportsQueryDto): Promise<PageDto<AlertReportDto>> {
    return this.reports.list(caller, query);
  }

  @Authenticated()
  @Post('reports/:id/dismiss')
  @HttpCode(204)
  dismiss(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.reports.dismiss(caller, id);
  }

  /** The link in an alert email (RFC 8058 one-click too): the token in `?token=` or in the body. */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @EvenWhenSilenced()
  unsubscribe(@Query() query: AlertUnsubscribeDto, @Body() body: AlertUnsubscribeDto): Promise<{ unsubscribed: true }> {
    return this.members.unsubscribe(query.token ?? body.token);
  }

  /** A retracted alert still answers, with `retractedAt`: whoever saw it learns it no longer stands. */
  @Public()
  @Get(':id')
  get(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<AlertDto> {
    return this.alerts.get(caller, id);
  }

  @Authenticated()
  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdateAlertDto): Promise<AlertDto> {
    return this.alerts.update(caller, id, dto);
  }

  @Authenticated()
  @Post(':id/retract')
  @HttpCode(204)
  retract(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.alerts.retract(caller, id);
  }
}
