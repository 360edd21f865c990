import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@harbour/common';
import type { Role } from '@harbour/contracts';
import type { Caller } from './caller';
import { hasPermission, isStaff } from './permissions';

/** What access needs to know about a category. */
export interface CategoryRef {
  groupId: string | null;
}

/** Site-wide rules that change who may see what (from the site settings). */
export interface SiteRules {
  loginRequired: boolean;
}

export interface PostRef {
  authorId: string;
  wiki: boolean;
  deleted: boolean;
}

/** The questions object-level checks answer. Each feature adds its own as it arrives. */
export type AccessQuestion =
  | { action: 'user.changeRole'; target: { id: string; role: Role } }
  | { action: 'category.create'; groupId: string | null }
  | { action: 'category.see'; category: CategoryRef; site: SiteRules }
  | { action: 'topic.create'; category: CategoryRef; site: SiteRules }
  | { action: 'post.reply'; category: CategoryRef; site: SiteRules }
  | { action: 'post.edit'; category: CategoryRef; site: SiteRules; post: PostRef }
  | { action: 'post.delete'; category: CategoryRef; site: SiteRules; post: PostRef }
  | { action: 'topic.editTitle'; category: CategoryRef; site: SiteRules; topic: { authorId: string } }
  | { action: 'topic.moderate'; category: CategoryRef; site: SiteRules };

/**
 * Answers "may this caller do this action on this object?" for every route, socket handler and job, and
 * "which spaces may this caller see?" for every list. Nothing else in the code decides access.
 * Group categories are visible to site admins only until group membership exists (deny by default).
 */
@Injectable()
export class AccessService {
  can(caller: Caller | null, question: AccessQuestion): boolean {
    switch (question.action) {
      case 'user.changeRole':
        // An admin may not change their own role: a site must never lose its last admin by a slip.
        return hasPermission(caller, 'admin.users') && caller?.userId !== question.target.id;
      case 'category.create':
        return caller?.role === 'admin';
      case 'category.see':
        return this.canSeeCategory(caller, question.category, question.site);
      case 'topic.create':
      case 'post.reply':
        return caller !== null && this.canSeeCategory(caller, question.category, question.site);
      case 'post.edit':
        return (
          caller !== null &&
          !question.post.deleted &&
          this.canSeeCategory(caller, question.category, question.site) &&
          (question.post.authorId === caller.userId || question.post.wiki || isStaff(caller))
        );
      case 'post.delete':
        return (
          caller !== null &&
          this.canSeeCategory(caller, question.category, question.site) &&
          (question.post.authorId === caller.userId || isStaff(caller))
        );
      case 'topic.editTitle':
        return (
          caller !== null &&
          this.canSeeCategory(caller, question.category, question.site) &&
          (question.topic.authorId === caller.userId || isStaff(caller))
        );
      case 'topic.moderate':
        return isStaff(caller) && this.canSeeCategory(caller, question.category, question.site);
    }
  }

  assertCan(caller: Caller | null, question: AccessQuestion): void {
    if (!this.can(caller, question)) throw new ForbiddenError('You are not allowed to do this');
  }

  /**
   * The SQL condition (on a categories alias) that keeps only the categories this caller may see; every
   * list, count and search joins categories and applies it, so nothing invisible is even read.
   */
  visibleCategories(caller: Caller | null, site: SiteRules, alias: string): { where: string; params: Record<string, unknown> } {
    if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
    if (caller?.role === 'admin') return { where: 'TRUE', params: {} };
    return { where: `${alias}.group_id IS NULL`, params: {} };
  }

  private canSeeCategory(caller: Caller | null, category: CategoryRef, site: SiteRules): boolean {
    if (site.loginRequired && caller === null) return false;
    return category.groupId === null || caller?.role === 'admin';
  }
}
