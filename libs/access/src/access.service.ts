import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@harbour/common';
import type { GroupCreation, GroupRole, GroupVisibility, Role, SpaceAudience } from '@harbour/contracts';
import type { Caller } from './caller';
import { hasPermission, isStaff } from './permissions';

/** What access needs to know about a category (the columns of the same names). */
export interface CategoryRef {
  groupId: string | null;
  sharedGroupIds: string[];
  seeAccess: Exclude<SpaceAudience, 'moderators'>;
  startAccess: SpaceAudience;
  replyAccess: SpaceAudience;
}

/** Site-wide rules that change who may see what (from the site settings). */
export interface SiteRules {
  loginRequired: boolean;
  groupCreation: GroupCreation;
}

export interface PostRef {
  authorId: string;
  wiki: boolean;
  deleted: boolean;
}

export interface GroupRef {
  id: string;
  visibility: GroupVisibility;
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
  | { action: 'topic.moderate'; category: CategoryRef; site: SiteRules }
  | { action: 'group.create'; site: SiteRules }
  | { action: 'group.see'; group: GroupRef; site: SiteRules }
  | { action: 'group.seeMembers'; group: GroupRef; site: SiteRules }
  | { action: 'group.requestToJoin'; group: GroupRef }
  | { action: 'group.manageMembers'; group: GroupRef }
  | { action: 'group.edit'; group: GroupRef }
  /** Report a post or topic (in `category`) or a member (`category` null): whoever may see it, but not their own. */
  | { action: 'flag.create'; category: CategoryRef | null; site: SiteRules; targetAuthorId: string }
  /** Open the review queue: site staff, and the owners and moderators of a group (for their spaces). */
  | { action: 'moderation.queue' }
  /** Act on a queue item about something in `category`, or about a member (null: site staff only). */
  | { action: 'moderation.act'; category: CategoryRef | null }
  /** Warn, silence, suspend or ban: moderators sanction members; admins also moderators; nobody an admin. */
  | { action: 'user.sanction'; target: { id: string; role: Role } }
  | { action: 'moderation.log' }
  /** A member's moderation record and the notes staff keep on them: site staff only. */
  | { action: 'moderation.member' }
  /** See a post (or topic) held for review: its author, and those who moderate its space. */
  | { action: 'held.see'; category: CategoryRef; authorId: string }
  /** Read a mailing in the public archive: sent, and not a group's (that went to the group alone). */
  | { action: 'mailing.read'; mailing: { status: string; audienceKind: string }; site: SiteRules };

/**
 * Answers "may this caller do this action on this object?" for every route, socket handler and job, and
 * "which spaces and groups may this caller see?" for every list, count and search. Nothing else decides.
 *
 * A site category (no group) is open to whoever may see the site. A group's category is for the members
 * of its group and of the groups it is shared with, and for site admins, unless its `seeAccess` opens it to
 * everyone. Site moderators are not members of private spaces: they moderate the public site.
 */
@Injectable()
export class AccessService {
  can(caller: Caller | null, question: AccessQuestion): boolean {
    switch (question.action) {
      case 'user.changeRole':
        // An admin may not change their own role: a site must never lose its last admin by a slip.
        return hasPermission(caller, 'admin.users') && caller?.userId !== question.target.id;
      case 'category.create':
        return caller?.role === 'admin' || (question.groupId !== null && caller?.groups[question.groupId] === 'owner');
      case 'category.see':
        return this.canSeeCategory(caller, question.category, question.site);
      case 'topic.create':
        return this.reaches(caller, question.category, question.site, question.category.startAccess);
      case 'post.reply':
        return this.reaches(caller, question.category, question.site, question.category.replyAccess);
      case 'post.edit': {
        const { category, site, post } = question;
        if (caller === null || post.deleted || !this.canSeeCategory(caller, category, site)) return false;
        if (post.authorId === caller.userId || this.moderatesSpace(caller, category)) return true;
        return post.wiki && this.reaches(caller, category, site, category.replyAccess);
      }
      case 'post.delete':
        return (
          caller !== null &&
          this.canSeeCategory(caller, question.category, question.site) &&
          (question.post.authorId === caller.userId || this.moderatesSpace(caller, question.category))
        );
      case 'topic.editTitle':
        return (
          caller !== null &&
          this.canSeeCategory(caller, question.category, question.site) &&
          (question.topic.authorId === caller.userId || this.moderatesSpace(caller, question.category))
        );
      case 'topic.moderate':
        return (
          caller !== null && this.canSeeCategory(caller, question.category, question.site) && this.moderatesSpace(caller, question.category)
        );
      case 'group.create':
        return caller !== null && (question.site.groupCreation === 'members' || caller.role === 'admin');
      case 'group.see':
        if (question.site.loginRequired && caller === null) return false;
        return question.group.visibility !== 'hidden' || this.groupRole(caller, question.group) !== null || caller?.role === 'admin';
      case 'group.seeMembers':
        if (!this.can(caller, { action: 'group.see', group: question.group, site: question.site })) return false;
        return question.group.visibility === 'public' || this.groupRole(caller, question.group) !== null || caller?.role === 'admin';
      case 'group.requestToJoin':
        return caller !== null && question.group.visibility !== 'hidden' && this.groupRole(caller, question.group) === null;
      case 'group.manageMembers': {
        const role = this.groupRole(caller, question.group);
        return role === 'owner' || role === 'moderator' || caller?.role === 'admin';
      }
      case 'group.edit':
        return this.groupRole(caller, question.group) === 'owner' || caller?.role === 'admin';
      case 'flag.create':
        return (
          caller !== null &&
          caller.userId !== question.targetAuthorId &&
          (question.category === null || this.canSeeCategory(caller, question.category, question.site))
        );
      case 'moderation.queue':
        return isStaff(caller) || Object.values(caller?.groups ?? {}).some((role) => role === 'owner' || role === 'moderator');
      case 'moderation.act':
        if (caller === null) return false;
        return question.category === null ? isStaff(caller) : this.moderatesSpace(caller, question.category);
      case 'user.sanction': {
        const { target } = question;
        if (caller === null || caller.userId === target.id || target.role === 'admin') return false;
        return caller.role === 'admin' || (caller.role === 'moderator' && target.role === 'member');
      }
      case 'moderation.log':
      case 'moderation.member':
        return isStaff(caller);
      case 'held.see':
        return caller !== null && (caller.userId === question.authorId || this.moderatesSpace(caller, question.category));
      case 'mailing.read':
        if (question.site.loginRequired && caller === null) return false;
        return question.mailing.status === 'sent' && question.mailing.audienceKind !== 'group';
    }
  }

  assertCan(caller: Caller | null, question: AccessQuestion): void {
    if (!this.can(caller, question)) throw new ForbiddenError('You are not allowed to do this');
  }

  /** The caller's role in a group, or null for non-members and visitors. */
  groupRole(caller: Caller | null, group: { id: string }): GroupRole | null {
    return caller?.groups[group.id] ?? null;
  }

  /**
   * The SQL condition (on a categories alias) that keeps only the categories this caller may see; every
   * list, count and search joins categories and applies it, so nothing invisible is even read.
   * Mirrors canSeeCategory.
   */
  visibleCategories(caller: Caller | null, site: SiteRules, alias: string): { where: string; params: Record<string, unknown> } {
    if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
    if (caller?.role === 'admin') return { where: 'TRUE', params: {} };
    const open = `${alias}.group_id IS NULL OR ${alias}.see_access = 'everyone'`;
    const groupIds = Object.keys(caller?.groups ?? {});
    if (groupIds.length === 0) return { where: `(${open})`, params: {} };
    const param = `${alias}VisibleGroupIds`;
    return {
      where: `(${open} OR ${alias}.group_id = ANY(CAST(:${param} AS uuid[])) OR ${alias}.shared_group_ids && CAST(:${param} AS uuid[]))`,
      params: { [param]: groupIds },
    };
  }

  /**
   * The SQL condition (on a categories alias, which may be NULL for a queue item about a member) that keeps
   * what this caller moderates. Mirrors moderatesSpace: admins everything; site moderators the site's own
   * categories and member reports; a group's owners and moderators its categories only.
   */
  moderatedCategories(caller: Caller, alias: string): { where: string; params: Record<string, unknown> } {
    if (caller.role === 'admin') return { where: 'TRUE', params: {} };
    const managed = Object.entries(caller.groups)
      .filter(([, role]) => role === 'owner' || role === 'moderator')
      .map(([id]) => id);
    const param = `${alias}ModeratedGroupIds`;
    const site = isStaff(caller) ? `${alias}.id IS NULL OR ${alias}.group_id IS NULL` : 'FALSE';
    return { where: `(${site} OR ${alias}.group_id = ANY(CAST(:${param} AS uuid[])))`, params: { [param]: managed } };
  }

  /**
   * The SQL condition (on a topics alias and its categories alias) that hides topics held for review from
   * everyone but their author and those who moderate them. Mirrors held.see.
   */
  visibleHeldTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): { where: string; params: Record<string, unknown> } {
    if (caller === null) return { where: `NOT ${topicAlias}.pending_review`, params: {} };
    const moderated = this.moderatedCategories(caller, categoryAlias);
    const param = `${topicAlias}HeldAuthorId`;
    return {
      where: `(NOT ${topicAlias}.pending_review OR ${topicAlias}.author_id = :${param} OR ${moderated.where})`,
      params: { ...moderated.params, [param]: caller.userId },
    };
  }

  /** The SQL condition (on a mailings alias) that keeps what the public archive lists. Mirrors mailing.read. */
  archivedMailings(caller: Caller | null, site: SiteRules, alias: string): { where: string; params: Record<string, unknown> } {
    if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
    return { where: `(${alias}.status = 'sent' AND ${alias}.audience_kind <> 'group')`, params: {} };
  }

  /** The SQL condition (on a groups alias) that keeps the groups this caller may know exist. Mirrors group.see. */
  visibleGroups(caller: Caller | null, site: SiteRules, alias: string): { where: string; params: Record<string, unknown> } {
    if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
    if (caller?.role === 'admin') return { where: 'TRUE', params: {} };
    const groupIds = Object.keys(caller?.groups ?? {});
    if (groupIds.length === 0) return { where: `${alias}.visibility <> 'hidden'`, params: {} };
    const param = `${alias}MemberGroupIds`;
    return { where: `(${alias}.visibility <> 'hidden' OR ${alias}.id = ANY(CAST(:${param} AS uuid[])))`, params: { [param]: groupIds } };
  }

  private canSeeCategory(caller: Caller | null, category: CategoryRef, site: SiteRules): boolean {
    if (site.loginRequired && caller === null) return false;
    if (category.groupId === null || category.seeAccess === 'everyone' || caller?.role === 'admin') return true;
    return this.spaceRole(caller, category) !== null;
  }

  /** May a signed-in caller who can see the category act where `audience` is allowed (start, reply)? */
  private reaches(caller: Caller | null, category: CategoryRef, site: SiteRules, audience: SpaceAudience): boolean {
    if (caller === null || !this.canSeeCategory(caller, category, site)) return false;
    if (category.groupId === null || caller.role === 'admin' || audience === 'everyone') return true;
    const role = this.spaceRole(caller, category);
    return audience === 'members' ? role !== null : role === 'owner' || role === 'moderator';
  }

  /** Site staff on the site's own categories; the owning group's owners and moderators in a group space. */
  private moderatesSpace(caller: Caller, category: CategoryRef): boolean {
    if (caller.role === 'admin') return true;
    if (category.groupId === null) return isStaff(caller);
    const role = this.spaceRole(caller, category);
    return role === 'owner' || role === 'moderator';
  }

  /**
   * The caller's standing in a group space: their role in the owning group, or `member` through a group
   * the space is shared with (shared groups' members take part; only the owning group moderates).
   */
  private spaceRole(caller: Caller | null, category: CategoryRef): GroupRole | null {
    if (caller === null || category.groupId === null) return null;
    const own = caller.groups[category.groupId];
    if (own) return own;
    return category.sharedGroupIds.some((id) => caller.groups[id] !== undefined) ? 'member' : null;
  }
}
