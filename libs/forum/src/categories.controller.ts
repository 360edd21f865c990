import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { CategoryDto, PageDto, TopicDto } from '@harbour/contracts';
import { CategoriesService } from './categories.service';
import { MemberStateService } from './member-state.service';
import { CreateCategoryDto, NotificationLevelDto, TopicsQueryDto, UpdateCategoryDto } from './forum.dtos';
import { TopicsService } from './topics.service';

@ApiTags('forum')
@Controller('categories')
export class CategoriesController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly topics: TopicsService,
    private readonly memberState: MemberStateService,
  ) {}

  @Public()
  @Get()
  list(@CurrentCaller() caller: Caller | null): Promise<{ items: CategoryDto[] }> {
    return this.categories.list(caller);
  }

  @Authenticated()
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(caller, dto);
  }

  @Public()
  @Get(':id')
  get(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<CategoryDto> {
    return this.categories.get(caller, id);
  }

  @Authenticated()
  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(caller, id, dto);
  }

  @Public()
  @Get(':id/topics')
  topicsOf(@CurrentCaller() caller: Caller | null, @Param('id') id: string, @Query() query: TopicsQueryDto): Promise<PageDto<TopicDto>> {
    return this.topics.listInCategory(caller, id, query);
  }

  @Authenticated()
  @Put(':id/notification-level')
  @HttpCode(204)
  setLevel(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: NotificationLevelDto): Promise<void> {
    return this.memberState.setCategoryLevel(caller, id, dto.level);
  }
}
