import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import type { GroupInvitationDto } from '@harbour/contracts';
import { AcceptInvitationDto } from './groups.dtos';
import { GroupInvitationsService } from './group-invitations.service';

/** A member's side of group invitations: the open ones, and answering one (by username or emailed link). */
@ApiTags('groups')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: GroupInvitationsService) {}

  @Authenticated()
  @Get()
  mine(@CurrentCaller() caller: Caller): Promise<{ items: GroupInvitationDto[] }> {
    return this.invitations.mine(caller);
  }

  @Authenticated()
  @Get(':id')
  preview(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: AcceptInvitationDto): Promise<GroupInvitationDto> {
    return this.invitations.preview(caller, id, query.token);
  }

  @Authenticated()
  @Post(':id/accept')
  @HttpCode(204)
  accept(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: AcceptInvitationDto): Promise<void> {
    return this.invitations.accept(caller, id, dto.token);
  }

  @Authenticated()
  @Post(':id/decline')
  @HttpCode(204)
  decline(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: AcceptInvitationDto): Promise<void> {
    return this.invitations.decline(caller, id, dto.token);
  }
}
