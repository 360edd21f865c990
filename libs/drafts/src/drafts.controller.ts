import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { DraftDto } from '@harbour/contracts';
import { SaveDraftDto } from './drafts.dtos';
import { DraftsService } from './drafts.service';

@ApiTags('drafts')
@Authenticated()
@Controller('drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Put(':key')
  @HttpCode(204)
  save(@CurrentCaller() caller: Caller, @Param('key') key: string, @Body() dto: SaveDraftDto): Promise<void> {
    return this.drafts.save(caller, key, dto);
  }

  @Get(':key')
  get(@CurrentCaller() caller: Caller, @Param('key') key: string): Promise<DraftDto> {
    return this.drafts.get(caller, key);
  }

  /** Throwing one's own text away changes nothing others see: a silenced member may too. */
  @Delete(':key')
  @HttpCode(204)
  @EvenWhenSilenced()
  discard(@CurrentCaller() caller: Caller, @Param('key') key: string): Promise<void> {
    return this.drafts.discard(caller, key);
  }
}
