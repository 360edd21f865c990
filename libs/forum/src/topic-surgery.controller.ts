import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { TopicDto, TopicNoticeDto } from '@harbour/contracts';
import { MergeTopicDto, SplitTopicDto } from './topic-surgery.dtos';
import { TopicSurgeryService } from './topic-surgery.service';

/** Split and merge (staff of the spaces), and the notices they and moves leave in threads (readers). */
@ApiTags('forum')
@Controller('topics')
export class TopicSurgeryController {
  constructor(private readonly surgery: TopicSurgeryService) {}

  @Authenticated()
  @Post(':id/split')
  split(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: SplitTopicDto): Promise<TopicDto> {
    return this.surgery.split(caller, id, dto);
  }

  @Authenticated()
  @Post(':id/merge')
  @HttpCode(204)
  merge(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: MergeTopicDto): Promise<void> {
    return this.surgery.merge(caller, id, dto);
  }

  @Public()
  @Get(':id/notices')
  notices(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<{ items: TopicNoticeDto[] }> {
    return this.surgery.notices(caller, id);
  }
}
