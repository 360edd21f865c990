import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import { PageQueryDto } from '@harbour/common';
import type { GroupDto, GroupMemberDto, JoinRequestDto, PageDto } from '@harbour/contracts';
import { ChangeGroupRoleDto, CreateGroupDto, InviteDto, JoinRequestBodyDto, UpdateGroupDto } from './groups.dtos';
import { GroupInvitationsService } from './group-invitations.service';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly invitations: GroupInvitationsService,
  ) {}

  @Authenticated()
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateGroupDto): Promise<GroupDto> {
    return this.groups.create(caller, dto);
  }

  @Public()
  @Get()
  list(@CurrentCaller() caller: Caller | null): Promise<{ items: GroupDto[] }> {
    return this.groups.list(caller);
  }

  @Public()
  @Get(':slug')
  get(@CurrentCaller() caller: Caller | null, @Param('slug') slug: string): Promise<GroupDto> {
    return this.groups.get(caller, slug);
  }

  @Authenticated()
  @Patch(':slug')
  update(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Body() dto: UpdateGroupDto): Promise<GroupDto> {
    return this.groups.update(caller, slug, dto);
  }

  @Public()
  @Get(':slug/members')
  members(
    @CurrentCaller() caller: Caller | null,
    @Param('slug') slug: string,
    @Query() query: PageQueryDto,
  ): Promise<PageDto<GroupMemberDto>> {
    return this.groups.members(caller, slug, query);
  }

  @Authenticated()
  @Patch(':slug/members/:userId')
  @HttpCode(204)
  changeRole(
    @CurrentCaller() caller: Caller,
    @Param('slug') slug: string,
    @Param('userId') userId: string,
    @Body() dto: ChangeGroupRoleDto,
  ): Promise<void> {
    return this.groups.changeRole(caller, slug, userId, dto.role);
  }

  @Authenticated()
  @Delete(':slug/members/:userId')
  @HttpCode(204)
  remove(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Param('userId') userId: string): Promise<void> {
    return this.groups.removeMember(caller, slug, userId);
  }

  @Authenticated()
  @Post(':slug/invitations')
  invite(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Body() dto: InviteDto): Promise<{ id: string; token?: string }> {
    return this.invitations.invite(caller, slug, dto);
  }

  @Authenticated()
  @Post(':slug/join-requests')
  requestToJoin(
    @CurrentCaller() caller: Caller,
    @Param('slug') slug: string,
    @Body() dto: JoinRequestBodyDto,
  ): Promise<{ id: string; status: 'pending' | 'approved' }> {
    return this.invitations.requestToJoin(caller, slug, dto.message);
  }

  @Authenticated()
  @Get(':slug/join-requests')
  joinRequests(@CurrentCaller() caller: Caller, @Param('slug') slug: string): Promise<{ items: JoinRequestDto[] }> {
    return this.invitations.pendingRequests(caller, slug);
  }

  @Authenticated()
  @Post(':slug/join-requests/:id/approve')
  @HttpCode(204)
  approve(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Param('id') id: string): Promise<void> {
    return this.invitations.decide(caller, slug, id, 'approved');
  }

  @Authenticated()
  @Post(':slug/join-requests/:id/decline')
  @HttpCode(204)
  decline(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Param('id') id: string): Promise<void> {
    return this.invitations.decide(caller, slug, id, 'declined');
  }
}
