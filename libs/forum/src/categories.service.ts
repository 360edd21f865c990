import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { InvalidInputError } from '@harbour/common';
import type { CategoryDto } from '@harbour/contracts';
import { Category } from './category.entity';
import { ForumLookup } from './forum-lookup.service';
import { toCategoryDto } from './forum.mappers';
import type { CreateCategoryDto } from './forum.dtos';
import { slugify } from './slug';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
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
    this.access.assertCan(caller, { action: 'category.create', groupId: dto.groupId ?? null });
    if (dto.groupId) throw new InvalidInputError('groupId: group categories arrive with groups');
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentId) {
        const parent = await manager.findOneBy(Category, { id: dto.parentId });
        if (!parent) throw new InvalidInputError('parentId does not name a category');
        if (parent.parentId) throw new InvalidInputError('parentId must name a top-level category (one level of nesting)');
      }
      const base = slugify(dto.name, 'category');
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
        groupId: null,
        slug,
      });
      await manager.save(category);
      return toCategoryDto(category);
    });
  }
}
