import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { ForbiddenError, InvalidInputError } from '@harbour/common';
import type { CategoryAccessDto, CategoryDto } from '@harbour/contracts';
import { Category } from './category.entity';
import { CategoryRepository } from './category.repository';
import { ForumLookup } from './forum-lookup.service';
import { ForumViews } from './forum-views';
import type { CreateCategoryDto } from './forum.dtos';
import { GroupDirectory } from './group-directory';
import { slugify } from './slug';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoryRepository,
    private readonly groups: GroupDirectory,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
  ) {}

  /** The categories the caller may see, in their order; the filter runs in SQL. */
  async list(caller: Caller | null): Promise<{ items: CategoryDto[] }> {
    const site = await this.lookup.site();
    const rows = await this.categories.listVisible(this.access.visibleCategories(caller, site, 'category'));
    const counted = await this.withVisibleTopicCounts(caller, rows);
    return { items: counted.map((category) => this.views.category(caller, category, site)) };
  }

  async get(caller: Caller | null, id: string): Promise<CategoryDto> {
    const { category, site } = await this.lookup.category(caller, id);
    const [counted] = await this.withVisibleTopicCounts(caller, [category]);
    return this.views.category(caller, counted ?? category, site);
  }

  /** A support desk counts the topics the caller sees there (their own, or all for its moderators), not all of them. */
  private async withVisibleTopicCounts(caller: Caller | null, categories: Category[]): Promise<Category[]> {
    const desks = categories.filter((category) => category.topicsVisibleTo === 'author').map((category) => category.id);
    if (desks.length === 0) return categories;
    const counts = await this.categories.visibleTopicCounts(desks, this.access.visibleDeskTopics(caller, 't', 'c'));
    return categories.map((category) =>
      category.topicsVisibleTo === 'author'
        ? Object.assign(new Category(), category, { topicCount: counts.get(category.id) ?? 0 })
        : category,
    );
  }

  async create(caller: Caller, dto: CreateCategoryDto): Promise<CategoryDto> {
    const groupId = dto.groupId ?? null;
    // An id of a group the caller does not own reads exactly like one of no group at all.
    if (!this.access.can(caller, { action: 'category.create', groupId })) {
      if (groupId === null) throw new ForbiddenError('Only admins create site categories');
      throw new InvalidInputError('groupId does not name a group you own');
    }
    const access = groupId === null ? OPEN_TO_ALL : checkedAccess(dto.access ?? { see: 'members', start: 'members', reply: 'members' });
    if (groupId === null && (dto.access || dto.sharedGroupIds?.length)) {
      throw new InvalidInputError('access and sharedGroupIds apply to group categories only');
    }
    const site = await this.lookup.site();
    return this.dataSource.transaction(async (manager) => {
      if (groupId) await this.assertGroupsExist(manager, [groupId, ...(dto.sharedGroupIds ?? [])]);
      if (dto.parentId) {
        const parent = await this.categories.findById(dto.parentId, manager);
        if (!parent || parent.groupId !== groupId) throw new InvalidInputError('parentId does not name a category of the same space');
        if (parent.parentId) throw new InvalidInputError('parentId must name a top-level category (one level of nesting)');
      }
      const slug = await this.categories.freeSlug(manager, slugify(dto.name, 'category'));
      const category = await this.categories.insert(manager, {
        name: dto.name,
        description: dto.description ?? '',
        parentId: dto.parentId ?? null,
        groupId,
        sharedGroupIds: [...new Set(dto.sharedGroupIds ?? [])].filter((id) => id !== groupId),
        seeAccess: access.see,
        startAccess: access.start,
        replyAccess: access.reply,
        slug,
        color: dto.color ? dto.color.toLowerCase() : null,
        anonymous: dto.anonymous ?? 'off',
        topicsVisibleTo: dto.topicsVisibleTo ?? 'everyone',
        // After its siblings: a new category never jumps ahead of an order its editors chose.
        position: await this.categories.nextPosition(manager, { groupId, parentId: dto.parentId ?? null }),
      });
      return this.views.category(caller, category, site);
    });
  }

  private async assertGroupsExist(manager: EntityManager, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if ((await this.groups.existingIds(manager, unique)).length !== unique.length)
      throw new InvalidInputError('sharedGroupIds must name groups');
  }
}

const OPEN_TO_ALL: CategoryAccessDto = { see: 'everyone', start: 'everyone', reply: 'everyone' };

/** Starting topics and replying can never reach further than seeing. */
function checkedAccess(access: CategoryAccessDto): CategoryAccessDto {
  if (access.see === 'members' && (access.start === 'everyone' || access.reply === 'everyone')) {
    throw new InvalidInputError('access.start and access.reply cannot reach further than access.see');
  }
  return access;
}
