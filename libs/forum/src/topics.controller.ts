import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import { NotFoundError } from '@harbour/common';
import type { PageDto, PostDto, TopicDto, TopicPostsPageDto, TopicWithFirstPostDto } from '@harbour/contracts';
import {
  CreatePostDto,
  CreateTopicDto,
  NotificationLevelDto,
  ReadDto,
  TopicPostsQueryDto,
  TopicsQueryDto,
  UpdateTopicDto,
} from './forum.dtos';
import { MemberStateService } from './member-state.service';
import { PostEditsService } from './post-edits.service';
import { PostsService } from './posts.service';
import { TopicsService } from './topics.service';
import { TopicSurgeryService } from './topic-surgery.service';

@ApiTags('forum')
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly topics: TopicsService,
    private readonly posts: PostsService,
    private readonly edits: PostEditsService,
    private readonly memberState: MemberStateService,
    private readonly surgery: TopicSurgeryService,
  ) {}

  /** Topics of every category the caller may see: latest, unread, new or top (api.md 1.1). */
  @Public()
  @Get()
  latest(@CurrentCaller() caller: Caller | null, @Query() query: TopicsQueryDto): Promise<PageDto<TopicDto>> {
    return this.topics.listAll(caller, query);
  }

  @Authenticated()
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateTopicDto): Promise<TopicWithFirstPostDto> {
    return this.topics.create(caller, dto);
  }

  /** A topic merged into another answers 301 to it (api.md 1.1), for callers who may see where it went. */
  @Public()
  @Get(':id')
  async get(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<TopicDto> {
    try {
      return await this.topics.get(caller, id);
    } catch (error) {
      if (error instanceof NotFoundError) await this.surgery.redirectIfMerged(caller, id);
      throw error;
    }
  }

  @Authenticated()
  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdateTopicDto): Promise<TopicDto> {
    return this.topics.update(caller, id, dto);
  }

  @Public()
  @Get(':id/posts')
  postsOf(@CurrentCaller() caller: Caller | null, @Param('id') id: string, @Query() query: TopicPostsQueryDto): Promise<TopicPostsPageDto> {
    return this.posts.listInTopic(caller, id, query);
  }

  @Authenticated()
  @Post(':id/posts')
  reply(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: CreatePostDto): Promise<PostDto> {
    return this.edits.reply(caller, id, dto);
  }

  @Authenticated()
  @Put(':id/notification-level')
  @HttpCode(204)
  setLevel(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: NotificationLevelDto): Promise<void> {
    return this.memberState.setTopicLevel(caller, id, dto.level);
  }

  @Authenticated()
  @Put(':id/read')
  @HttpCode(204)
  markRead(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: ReadDto): Promise<void> {
    return this.memberState.markRead(caller, id, dto.postId);
  }
}
