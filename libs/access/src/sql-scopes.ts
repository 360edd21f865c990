import type { CategoryRef, SiteRules } from './access-questions';
import type { Caller } from './caller';
import { isSiteStaff, managedGroupIds } from './space-standing';

/** A SQL condition over an alias, with its named parameters (TypeORM `:name` style). */
export interface SqlScope {
  where: string;
  params: Record<string, unknown>;
}

/**
 * The SQL conditions that keep, in a list, count or search, only what a caller may see or moderate. Each
 * mirrors one question of AccessService, and test/e2e/access-scopes.e2e-spec.ts proves on generated fixtures
 * that PostgreSQL keeps exactly the rows the TypeScript rule allows.
 */

/** Categories (alias) the caller may see. Mirrors `category.see`. */
export function visibleCategories(caller: Caller | null, site: SiteRules, alias: string): SqlScope {
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
 * Categories (alias, which may be NULL for a queue item about a member) the caller moderates. Mirrors
 * `moderation.act`: admins everything; site moderators the site's own categories and member reports; a
 * group's owners and moderators its categories only.
 */
export function moderatedCategories(caller: Caller, alias: string): SqlScope {
  if (caller.role === 'admin') return { where: 'TRUE', params: {} };
  const param = `${alias}ModeratedGroupIds`;
  const site = isSiteStaff(caller) ? `${alias}.id IS NULL OR ${alias}.group_id IS NULL` : 'FALSE';
  return { where: `(${site} OR ${alias}.group_id = ANY(CAST(:${param} AS uuid[])))`, params: { [param]: managedGroupIds(caller) } };
}

/** Hides topics (alias) held for review from all but their author and their space's moderators. Mirrors `held.see`. */
export function visibleHeldTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): SqlScope {
  if (caller === null) return { where: `NOT ${topicAlias}.pending_review`, params: {} };
  const moderated = moderatedCategories(caller, categoryAlias);
  const param = `${topicAlias}HeldAuthorId`;
  return {
    where: `(NOT ${topicAlias}.pending_review OR ${topicAlias}.author_id = :${param} OR ${moderated.where})`,
    params: { ...moderated.params, [param]: caller.userId },
  };
}

/**
 * Topics (topicAlias, in categoryAlias) of support desks (`topics_visible_to = 'author'`) kept to their author and
 * the space's moderators; every topic elsewhere. Mirrors `topic.see` beyond `category.see`: AND it with
 * `visibleCategories` (or a category the caller was checked to see).
 */
export function visibleDeskTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): SqlScope {
  const open = `${categoryAlias}.topics_visible_to <> 'author'`;
  if (caller === null) return { where: open, params: {} };
  if (caller.role === 'admin') return { where: 'TRUE', params: {} };
  const moderated = moderatedCategories(caller, categoryAlias);
  const param = `${topicAlias}DeskAuthorId`;
  return {
    where: `(${open} OR ${topicAlias}.author_id = :${param} OR ${moderated.where})`,
    params: { ...moderated.params, [param]: caller.userId },
  };
}

/** Topics (topicAlias, in categoryAlias) the caller may see inside the spaces they see: support desks and held topics. */
export function visibleTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): SqlScope {
  const desk = visibleDeskTopics(caller, topicAlias, categoryAlias);
  const held = visibleHeldTopics(caller, topicAlias, categoryAlias);
  return { where: `(${desk.where} AND ${held.where})`, params: { ...desk.params, ...held.params } };
}

/** Mailings (alias) the public archive lists. Mirrors `mailing.read`. */
export function archivedMailings(caller: Caller | null, site: SiteRules, alias: string): SqlScope {
  if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
  return { where: `(${alias}.status = 'sent' AND ${alias}.audience_kind <> 'group')`, params: {} };
}

/** Groups (alias) the caller may know exist. Mirrors `group.see`. */
export function visibleGroups(caller: Caller | null, site: SiteRules, alias: string): SqlScope {
  if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
  if (caller?.role === 'admin') return { where: 'TRUE', params: {} };
  const groupIds = Object.keys(caller?.groups ?? {});
  if (groupIds.length === 0) return { where: `${alias}.visibility <> 'hidden'`, params: {} };
  const param = `${alias}MemberGroupIds`;
  return { where: `(${alias}.visibility <> 'hidden' OR ${alias}.id = ANY(CAST(:${param} AS uuid[])))`, params: { [param]: groupIds } };
}

/**
 * Groups (alias) whose members the caller may see, so whose membership a profile may show. Mirrors
 * `group.seeMembers`: a private group's name is public, but who belongs to it is for its members.
 */
export function visibleMemberships(caller: Caller | null, site: SiteRules, alias: string): SqlScope {
  if (site.loginRequired && caller === null) return { where: 'FALSE', params: {} };
  if (caller?.role === 'admin') return { where: 'TRUE', params: {} };
  const groupIds = Object.keys(caller?.groups ?? {});
  if (groupIds.length === 0) return { where: `${alias}.visibility = 'public'`, params: {} };
  const param = `${alias}MembershipGroupIds`;
  return { where: `(${alias}.visibility = 'public' OR ${alias}.id = ANY(CAST(:${param} AS uuid[])))`, params: { [param]: groupIds } };
}

/**
 * Members (memberAlias over `users`, their group roles as the JSON object `groupRolesSql`) who may see a
 * category: `category.see` asked for each of them as signed-in callers (@-completion in a private space).
 */
export function membersSeeingCategory(category: CategoryRef, memberAlias: string, groupRolesSql: string): SqlScope {
  if (category.groupId === null || category.seeAccess === 'everyone') return { where: 'TRUE', params: {} };
  const param = `${memberAlias}SeeingGroupIds`;
  return {
    where: `(${memberAlias}.role = 'admin' OR COALESCE((${groupRolesSql})::jsonb, '{}'::jsonb) ?| CAST(:${param} AS text[]))`,
    params: { [param]: [category.groupId, ...category.sharedGroupIds] },
  };
}

/**
 * Members (as in `membersSeeingCategory`) who may see a topic of that category started by `authorId`: `topic.see`
 * asked for each of them (@-completion in a support desk offers its author and the space's moderators only).
 */
export function membersSeeingTopic(category: CategoryRef, authorId: string, memberAlias: string, groupRolesSql: string): SqlScope {
  const seeing = membersSeeingCategory(category, memberAlias, groupRolesSql);
  if (category.topicsVisibleTo !== 'author') return seeing;
  const author = `${memberAlias}DeskAuthorId`;
  const group = `${memberAlias}DeskGroupId`;
  const staff =
    category.groupId === null
      ? `${memberAlias}.role IN ('admin', 'moderator')`
      : `(${memberAlias}.role = 'admin' OR COALESCE((${groupRolesSql})::jsonb, '{}'::jsonb) ->> CAST(:${group} AS text) IN ('owner', 'moderator'))`;
  return {
    where: `(${seeing.where} AND (${memberAlias}.id = CAST(:${author} AS uuid) OR ${staff}))`,
    params: { ...seeing.params, [author]: authorId, [group]: category.groupId },
  };
}

/**
 * Conversations (alias) the caller is in, over their own participant row joined as `mineAlias` (NULL when
 * they have none). Mirrors `conversation.see`: named and not left, or staff of the group it writes to and
 * not left. No site role widens it. `namedIdsSql` (conversations' subquery of the ids the member `:callerId`
 * is named in) lets PostgreSQL start from the caller's own rows rather than from every conversation.
 */
export function visibleConversations(caller: Caller, conversationAlias: string, mineAlias: string, namedIdsSql: string): SqlScope {
  const param = `${conversationAlias}StaffGroupIds`;
  return {
    where: `(${conversationAlias}.id IN (${namedIdsSql})
             OR (${conversationAlias}.group_id = ANY(CAST(:${param} AS uuid[])) AND ${mineAlias}.kind IS DISTINCT FROM 'left'))`,
    params: { [param]: managedGroupIds(caller), callerId: caller.userId },
  };
}
