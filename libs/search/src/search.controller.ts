import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Public, type Caller } from '@harbour/access';
import type { PageDto, SearchHitDto } from '@harbour/contracts';
import { SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Anyone may search; each caller finds only what they may see. */
  @Public()
  @Get()
  find(@CurrentCaller() caller: Caller | null, @Query() query: SearchQueryDto): Promise<PageDto<SearchHitDto>> {
    return this.search.search(caller, query);
  }
}
