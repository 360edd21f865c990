import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import { PageQueryDto } from '@harbour/common';
import type { PageDto, ProfileDto, ProfilePostDto, UserDto } from '@harbour/contracts';
import { UserSearchQueryDto } from './profiles.dtos';
import { ProfilesService } from './profiles.service';

@ApiTags('profiles')
@Controller('users')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Authenticated()
  @Get()
  search(@CurrentCaller() caller: Caller, @Query() query: UserSearchQueryDto): Promise<{ items: UserDto[] }> {
    return this.profiles.search(caller, query);
  }

  @Public()
  @Get(':username')
  profile(@CurrentCaller() caller: Caller | null, @Param('username') username: string): Promise<ProfileDto> {
    return this.profiles.profile(caller, username);
  }

  @Public()
  @Get(':username/posts')
  posts(
    @CurrentCaller() caller: Caller | null,
    @Param('username') username: string,
    @Query() query: PageQueryDto,
  ): Promise<PageDto<ProfilePostDto>> {
    return this.profiles.posts(caller, username, query);
  }
}
