import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import { PageQueryDto } from '@harbour/common';
import type { CreatedSiteInvitationDto, PageDto, SiteInvitationDto } from '@harbour/contracts';
import { CreateSiteInvitationDto } from './account.dtos';
import { SiteInvitationsService } from './site-invitations.service';

@ApiTags('admin')
@Controller('admin/invitations')
@Authenticated({ permission: 'admin.invitations' })
export class SiteInvitationsController {
  constructor(private readonly invitations: SiteInvitationsService) {}

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateSiteInvitationDto): Promise<CreatedSiteInvitationDto> {
    return this.invitations.create(caller, dto);
  }

  @Get()
  list(@Query() query: PageQueryDto): Promise<PageDto<SiteInvitationDto>> {
    return this.invitations.list(query);
  }
}
