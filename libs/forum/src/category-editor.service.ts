import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, ForbiddenError, InvalidInputError, NotFoundError } from '@harbour/common';
import type { CategoryAccessDto, CategoryDto } from '@harbour/contracts';
import type { Category } from './category.entity';
import { CategoryRepository } from './category.repository';
import { ForumLookup } from './forum-lookup.service';
import { ForumViews } from './forum-views';
import type { DeleteCategoryDto, UpdateCategoryDto } from './forum.dtos';
import { GroupDirectory } from './group-directory';

/**
 * Changing and removing a category (api.md 1.1, "Categories and topics, for staff"): the site's by admins,
 * a group's spaces by that group's owners (`category.edit`). Each change is one transaction and one entry
 * in the moderation log; a change of who may see or write takes effect at once (SpaceAccessChanged drops
 * cached pages and sends sockets that may no longer read out of their rooms).
 */
@Injectable()
export class CategoryEditor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoryRepository,
    private readonly groups: GroupDirectory,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
    private readonly events: DomainEvents,
  ) {}

  async update(caller: Caller, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    const { category, site } = await this.lookup.category(caller, id);
    this.assertEditor(caller, category);
    const changes: Partial<Category> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.color !== undefined) changes.color = dto.color === null ? null : dto.color.toLowerCase();
    if (dto.anonymous !== undefined) changes.anonymous = dto.anonymous;
    if (dto.anonymousReview !== undefined) changes.anonymousReview = dto.anonymousReview;
    if (dto.topicsVisibleTo !== undefined) changes.topicsVisibleTo = dto.topicsVisibleTo;
    const access = accessChange(category, dto);
    if (access) Object.assign(changes, { seeAccess: access.see, startAccess: access.start, replyAccess: access.reply });
    if (category.groupId === null && dto.sharedGroupIds) throw new InvalidInputError('sharedGroupIds apply to group spaces only');
    const parentId = dto.parentId === undefined ? category.parentId : dto.parentId;
    const moved = parentId !== category.parentId;
    await this.dataSource.transaction(async (manager) => {
      if (dto.sharedGroupIds) {
        await this.assertGroupsExist(manager, dto.sharedGroupIds);
        changes.sharedGroupIds = [...new Set(dto.sharedGroupIds)].filter((groupId) => groupId !== category.groupId);
      }
      if (moved) {
        await this.assertParent(manager, category, parentId);
        changes.parentId = parentId;
      }
      await this.categories.update(manager, category.id, changes);
      if (moved || dto.position !== undefined) await this.place(manager, category, parentId, dto.position);
      const changed = [...Object.keys(changes), ...(dto.position !== undefined ? ['position'] : [])];
      if (changed.length > 0) {
        const entry = { actorId: caller.userId, action: 'category.edit', targetType: 'category', targetId: category.id };
        await audit(manager, { ...entry, reason: [...new Set(changed)].join(', ') });
      }
    });
    // Turning a space into a support desk hides each member's topics from the others: as much a change of who sees.
    if (access || dto.sharedGroupIds || dto.topicsVisibleTo !== undefined)
      this.events.publish('SpaceAccessChanged', { categoryIds: [category.id] });
    const updated = await this.categories.findById(category.id);
    if (!updated) throw new NotFoundError();
    return this.views.category(caller, updated, site);
  }

  /**
   * Removes a category. With `moveTopicsTo` (a merge) its topics and their counter move first, in the same
   * transaction; without it only an empty category goes (409 otherwise). A category with subcategories is
   * refused (409): they are moved or removed first, so nothing is orphaned or silently promoted.
   */
  async remove(caller: Caller, id: string, dto: DeleteCategoryDto): Promise<void> {
    const { category } = await this.lookup.category(caller, id);
    this.assertEditor(caller, category);
    let target: Category | null = null;
    if (dto.moveTopicsTo !== undefined) {
      const refused = new InvalidInputError('moveTopicsTo must name another category of the same space that you manage');
      if (dto.moveTopicsTo === category.id) throw refused;
      target = await this.lookup.category(caller, dto.moveTopicsTo).then(
        (found) => found.category,
        (error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        },
      );
      // Within one group (or among the site's own): a merge never carries a group's topics to other readers.
      if (!target || target.groupId !== category.groupId || !this.access.can(caller, { action: 'category.edit', category: target }))
        throw refused;
    }
    await this.dataSource.transaction(async (manager) => {
      const held = await this.categories.lockForRemoval(manager, category.id);
      if (!held) throw new NotFoundError();
      if (await this.categories.hasChildren(manager, category.id))
        throw new ConflictError('This category has subcategories: move or remove them first');
      if (held.topics > 0 && !target)
        throw new ConflictError(`This category still has ${held.topics} topics: name where they go with moveTopicsTo`);
      if (target) await this.categories.moveAllTopics(manager, category.id, target.id);
      await this.categories.remove(manager, category.id);
      // The log keeps a site category's name (the category itself is gone); a group space's name stays out of
      // it, since site moderators read entries about categories. A merge points at where the topics went.
      await audit(manager, {
        actorId: caller.userId,
        action: target ? 'category.merge' : 'category.delete',
        targetType: 'category',
        targetId: target ? target.id : category.id,
        reason: category.groupId === null ? category.name : null,
      });
    });
    this.events.publish('SpaceAccessChanged', { categoryIds: target ? [category.id, target.id] : [category.id] });
  }

  private assertEditor(caller: Caller, category: Category): void {
    if (!this.access.can(caller, { action: 'category.edit', category })) {
      throw new ForbiddenError('Only the owners of its group (or admins) change this category');
    }
  }

  /** A parent of the same space, itself top-level, and not a category that has subcategories of its own. */
  private async assertParent(manager: EntityManager, category: Category, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const parent = parentId === category.id ? null : await this.categories.findById(parentId, manager);
    if (!parent || parent.groupId !== category.groupId) throw new InvalidInputError('parentId does not name a category of the same space');
    if (parent.parentId) throw new InvalidInputError('parentId must name a top-level category (one level of nesting)');
    if (await this.categories.hasChildren(manager, category.id))
      throw new InvalidInputError('parentId: a category with subcategories stays top-level (one level of nesting)');
  }

  /**
   * Puts the category at `position` among its siblings (after the last of them when only its parent changed)
   * and renumbers them 0, 1, 2…, one reordering of the space at a time.
   */
  private async place(manager: EntityManager, category: Category, parentId: string | null, position: number | undefined): Promise<void> {
    await this.categories.lockOrder(manager, category.groupId);
    const place = { groupId: category.groupId, parentId };
    const siblings = await this.categories.siblings(manager, place, category.id);
    siblings.splice(position === undefined ? siblings.length : Math.min(position, siblings.length), 0, category.id);
    await this.categories.setPositions(manager, siblings);
  }

  private async assertGroupsExist(manager: EntityManager, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if ((await this.groups.existingIds(manager, unique)).length !== unique.length)
      throw new InvalidInputError('sharedGroupIds must name groups');
  }
}

/**
 * The new audiences, from `access` or the single fields (not both), or null when none is given. A site
 * category is seen by everyone and narrows starting and replying only to site staff; in a group space,
 * starting and replying never reach further than seeing.
 */
function accessChange(category: Category, dto: UpdateCategoryDto): CategoryAccessDto | null {
  const single = dto.seeAccess !== undefined || dto.startAccess !== undefined || dto.replyAccess !== undefined;
  if (!single && !dto.access) return null;
  if (single && dto.access) throw new InvalidInputError('access: give access or seeAccess/startAccess/replyAccess, not both');
  if (category.groupId === null) {
    if ((dto.access?.see ?? dto.seeAccess ?? 'everyone') !== 'everyone')
      throw new InvalidInputError('seeAccess: a site category is seen by everyone');
    // A site category's columns may say `members` (its default): for a site category that means everyone.
    const kept = (audience: CategoryAccessDto['start']) => (audience === 'moderators' ? 'moderators' : 'everyone');
    return {
      see: 'everyone',
      start: siteAudience(dto.access?.start ?? dto.startAccess, 'startAccess') ?? kept(category.startAccess),
      reply: siteAudience(dto.access?.reply ?? dto.replyAccess, 'replyAccess') ?? kept(category.replyAccess),
    };
  }
  const access = dto.access ?? {
    see: dto.seeAccess ?? category.seeAccess,
    start: dto.startAccess ?? category.startAccess,
    reply: dto.replyAccess ?? category.replyAccess,
  };
  if (access.see === 'members' && (access.start === 'everyone' || access.reply === 'everyone')) {
    throw new InvalidInputError('startAccess and replyAccess cannot reach further than seeAccess');
  }
  return access;
}

/** An audience given for a site category (undefined when none was). */
function siteAudience(audience: CategoryAccessDto['start'] | undefined, field: string): 'everyone' | 'moderators' | undefined {
  if (audience === undefined || audience === 'moderators') return audience;
  if (audience === 'members') throw new InvalidInputError(`${field}: a site category takes everyone or moderators`);
  return 'everyone';
}
