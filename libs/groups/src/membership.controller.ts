import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { GroupMembershipDto } from '@harbour/contracts';
import { UpdateMembershipDto } from './groups.dtos';
import { MembershipService } from './membership.service';

@ApiTags('groups')
@Controller('groups/:slug/membership')
@Authenticated()
export class MembershipController {
  constructor(private readonly membership: MembershipService) {}

  @Get()
  get(@CurrentCaller() caller: Caller, @Param('slug') slug: string): Promise<GroupMembershipDto> {
    return this.membership.get(caller, slug);
  }

  /** Hiding a membership only ever shows less of the member: allowed even while silenced. */
  @Patch()
  @EvenWhenSilenced()
  update(@CurrentCaller() caller: Caller, @Param('slug') slug: string, @Body() dto: UpdateMembershipDto): Promise<GroupMembershipDto> {
    return this.membership.update(caller, slug, dto);
  }
}
