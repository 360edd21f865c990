import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import { PageQueryDto } from '@harbour/common';
import type { PageDto, UnmaskRequestDto } from '@harbour/contracts';
import { UnmaskDto } from './unmask.dtos';
import { UnmaskService } from './unmask.service';

/** Unmasking an anonymous post: a moderator asks, a different admin approves (api.md 1.1). */
@ApiTags('moderation')
@Controller()
export class UnmaskController {
  constructor(private readonly unmask: UnmaskService) {}

  @Authenticated()
  @Post('moderation/posts/:id/unmask')
  request(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UnmaskDto): Promise<UnmaskRequestDto> {
    return this.unmask.request(caller, id, dto);
  }

  @Authenticated()
  @Get('moderation/unmask-requests')
  page(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<PageDto<UnmaskRequestDto>> {
    return this.unmask.page(caller, query);
  }

  @Authenticated()
  @Get('moderation/unmask-requests/:id')
  get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<UnmaskRequestDto> {
    return this.unmask.get(caller, id);
  }

  @Authenticated()
  @Post('moderation/unmask-requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<UnmaskRequestDto> {
    return this.unmask.approve(caller, id);
  }
}
