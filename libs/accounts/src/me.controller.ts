import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { MeDto, SessionDto } from '@harbour/contracts';
import { UpdateMeDto } from './account.dtos';
import { AccountSecurityService } from './account-security.service';
import { MeService } from './me.service';
import { ChangePasswordDto } from './self-service.dtos';

/*
 * The member's own account. Securing it (password, sessions) changes nothing others see, so a silenced member
 * may too; the profile's public fields are refused to them by `profile.edit` in the service.
 */
@ApiTags('accounts')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly security: AccountSecurityService,
  ) {}

  @Get()
  get(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.me.get(caller);
  }

  @Patch()
  @EvenWhenSilenced()
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.me.update(caller, dto);
  }

  @Post('password')
  @HttpCode(204)
  @EvenWhenSilenced()
  changePassword(@CurrentCaller() caller: Caller, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.security.changePassword(caller, dto);
  }

  @Delete('email-problem')
  @HttpCode(204)
  @EvenWhenSilenced()
  clearEmailProblem(@CurrentCaller() caller: Caller): Promise<void> {
    return this.me.clearEmailProblem(caller);
  }

  @Get('sessions')
  sessions(@CurrentCaller() caller: Caller): Promise<{ items: SessionDto[] }> {
    return this.security.listSessions(caller);
  }

  @Delete('sessions')
  @HttpCode(204)
  @EvenWhenSilenced()
  endOtherSessions(@CurrentCaller() caller: Caller): Promise<void> {
    return this.security.endOtherSessions(caller);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @EvenWhenSilenced()
  endSession(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.security.endSession(caller, id);
  }
}
