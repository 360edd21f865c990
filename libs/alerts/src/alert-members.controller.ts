import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { AlertRegionsDto as AlertRegionsAnswer, AlertTeamDto } from '@harbour/contracts';
import { AlertMembersService } from './alert-members.service';
import { AlertSubscriptionDto, UpdateAlertRegionsDto } from './alerts.dtos';

@ApiTags('alerts')
@Controller('me')
export class MyAlertsController {
  constructor(private readonly members: AlertMembersService) {}

  /** Hearing of alerts changes nothing others see: a silenced member may still choose. */
  @Authenticated()
  @Put('alert-regions')
  @HttpCode(204)
  @EvenWhenSilenced()
  subscribe(@CurrentCaller() caller: Caller, @Body() dto: AlertSubscriptionDto): Promise<void> {
    return this.members.subscribe(caller, dto);
  }
}

/** Admins: the alert team (never shown elsewhere) and the site's list of regions. */
@ApiTags('alerts')
@Controller('admin')
export class AlertAdminController {
  constructor(private readonly members: AlertMembersService) {}

  @Authenticated()
  @Get('alert-team')
  team(@CurrentCaller() caller: Caller): Promise<AlertTeamDto> {
    return this.members.team(caller);
  }

  @Authenticated()
  @Put('alert-team/:userId')
  @HttpCode(204)
  add(@CurrentCaller() caller: Caller, @Param('userId') userId: string): Promise<void> {
    return this.members.addToTeam(caller, userId);
  }

  @Authenticated()
  @Delete('alert-team/:userId')
  @HttpCode(204)
  remove(@CurrentCaller() caller: Caller, @Param('userId') userId: string): Promise<void> {
    return this.members.removeFromTeam(caller, userId);
  }

  @Authenticated()
  @Put('alert-regions')
  regions(@CurrentCaller() caller: Caller, @Body() dto: UpdateAlertRegionsDto): Promise<AlertRegionsAnswer> {
    return this.members.replaceRegions(caller, dto);
  }
}
