import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { CategoryDto, PageDto, TopicDto } from '@harbour/contracts';
import { CategoriesService } from './categories.service';
import { CategoryEditor } from './category-editor.service';
import { MemberStateService } from './member-state.service';
import { CreateCategoryDto, DeleteCategoryDto, NotificationLevelDto, TopicsQueryDto, UpdateCategoryDto } from './forum.dtos';
import { TopicsService } from './topics.service';

@ApiTags('forum')
@Controller('categories')
export class CategoriesController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly editor: CategoryEditor,
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
  async get(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<CategoryDto> {
    const category = await this.categories.get(caller, id);
    // Asked only after the category answered: a private or missing one is the same 404 before any level.
    return caller ? { ...category, notificationLevel: await this.memberState.categoryLevel(caller, category.id) } : category;
  }

  @Authenticated()
  @Patch(':id')
  update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.editor.update(caller, id, dto);
  }

  @Authenticated()
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: DeleteCategoryDto): Promise<void> {
    return this.editor.remove(caller, id, dto);
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
