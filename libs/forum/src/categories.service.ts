import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { DomainEvents, ForbiddenError, InvalidInputError } from '@harbour/common';
import type { CategoryAccessDto, CategoryDto } from '@harbour/contracts';
import { Category } from './category.entity';
import { ForumLookup } from './forum-lookup.service';
import { toCategoryDto } from './forum.mappers';
import type { CreateCategoryDto, UpdateCategoryDto } from './forum.dtos';
import { slugify } from './slug';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly events: DomainEvents,
  ) {}

  /** The categories the caller may see, in their order; the filter runs in SQL. */
  async list(caller: Caller | null): Promise<{ items: CategoryDto[] }> {
    const visible = this.access.visibleCategories(caller, await this.lookup.site(), 'category');
    const rows = await this.dataSource
      .getRepository(Category)
      .createQueryBuilder('category')
      .where(visible.where, visible.params)
      .orderBy('category.position', 'ASC')
      .addOrderBy('category.name', 'ASC')
      .getMany();
    return { items: rows.map(toCategoryDto) };
  }

  async get(caller: Caller | null, id: string): Promise<CategoryDto> {
    return toCategoryDto((await this.lookup.category(caller, id)).category);
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
    return this.dataSource.transaction(async (manager) => {
      if (groupId) await this.assertGroupsExist(manager, [groupId, ...(dto.sharedGroupIds ?? [])]);
      if (dto.parentId) {
        const parent = await manager.findOneBy(Category, { id: dto.parentId });
        if (!parent || parent.groupId !== groupId) throw new InvalidInputError('parentId does not name a category of the same space');
        if (parent.parentId) throw new InvalidInputError('parentId must name a top-level category (one level of nesting)');
      }
      const base = slugify(dto.name, 'category');
      // Two categories of one name made at once would pick the same free slug: they take turns on it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('category-slug:' || $1))`, [base]);
      const taken = new Set(
        (await manager.query<{ slug: string }[]>('SELECT slug FROM categories WHERE slug = $1 OR slug LIKE $2', [base, `${base}-%`])).map(
          (row) => row.slug,
        ),
      );
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      const category = manager.create(Category, {
        name: dto.name,
        description: dto.description ?? '',
        parentId: dto.parentId ?? null,
        groupId,
        sharedGroupIds: [...new Set(dto.sharedGroupIds ?? [])].filter((id) => id !== groupId),
        seeAccess: access.see,
        startAccess: access.start,
        replyAccess: access.reply,
        slug,
      });
      await manager.save(category);
      return toCategoryDto(category);
    });
  }

  /**
   * Renames a category, or changes who may see, start and reply, or which groups share it (the owning
   * group's owners, or admins). Access changes take effect at once: cached pages are dropped and sockets
   * that may no longer read its topics leave their rooms.
   */
  async update(caller: Caller, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    const { category } = await this.lookup.category(caller, id);
    if (!this.access.can(caller, { action: 'category.create', groupId: category.groupId })) {
      throw new ForbiddenError('Only the owners of its group (or admins) change this category');
    }
    if (category.groupId === null && (dto.access || dto.sharedGroupIds)) {
      throw new InvalidInputError('access and sharedGroupIds apply to group categories only');
    }
    const changes: Partial<Category> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.access) {
      const access = checkedAccess(dto.access);
      Object.assign(changes, { seeAccess: access.see, startAccess: access.start, replyAccess: access.reply });
    }
    await this.dataSource.transaction(async (manager) => {
      if (dto.sharedGroupIds) {
        await this.assertGroupsExist(manager, dto.sharedGroupIds);
        changes.sharedGroupIds = [...new Set(dto.sharedGroupIds)].filter((groupId) => groupId !== category.groupId);
      }
      if (Object.keys(changes).length > 0) await manager.update(Category, { id: category.id }, changes);
    });
    if (dto.access || dto.sharedGroupIds) this.events.publish('SpaceAccessChanged', { categoryIds: [category.id] });
    return toCategoryDto(await this.dataSource.getRepository(Category).findOneByOrFail({ id: category.id }));
  }

  private async assertGroupsExist(manager: EntityManager, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const [row] = await manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM groups WHERE id = ANY($1)', [unique]);
    if ((row?.n ?? 0) !== unique.length) throw new InvalidInputError('sharedGroupIds must name groups');
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
