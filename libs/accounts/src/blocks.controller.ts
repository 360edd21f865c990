import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { UserDto } from '@harbour/contracts';
import { BlocksService } from './blocks.service';

@ApiTags('accounts')
@Controller('me/blocks')
@Authenticated()
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Get()
  list(@CurrentCaller() caller: Caller): Promise<{ items: UserDto[] }> {
    return this.blocks.list(caller);
  }

  /** Blocking changes nothing anyone else sees: a silenced member being harassed may still block. */
  @Put(':userId')
  @HttpCode(204)
  @EvenWhenSilenced()
  block(@CurrentCaller() caller: Caller, @Param('userId') userId: string): Promise<void> {
    return this.blocks.block(caller, userId);
  }

  @Delete(':userId')
  @HttpCode(204)
  @EvenWhenSilenced()
  unblock(@CurrentCaller() caller: Caller, @Param('userId') userId: string): Promise<void> {
    return this.blocks.unblock(caller, userId);
  }
}
