import type { GroupRole } from '@harbour/contracts';
import type { CategoryRef, ConversationRef, SiteRules } from './access-questions';
import type { Caller } from './caller';

/**
 * The few facts every access rule is built from. Pure functions of the caller and the object, so the
 * policy table and the SQL scopes can be checked against them.
 */

/** Site moderators and admins. Not exported from the lib: code outside asks a named question instead. */
export function isSiteStaff(caller: Caller | null): boolean {
  return caller?.role === 'admin' || caller?.role === 'moderator';
}

/** The caller's role in a group, or null for non-members and visitors. */
export function groupRole(caller: Caller | null, group: { id: string }): GroupRole | null {
  return caller?.groups[group.id] ?? null;
}

/**
 * The caller's standing in a group space: their role in the owning group, or `member` through a group
 * the space is shared with (shared groups' members take part; only the owning group moderates).
 */
export function spaceRole(caller: Caller | null, category: CategoryRef): GroupRole | null {
  if (caller === null || category.groupId === null) return null;
  const own = caller.groups[category.groupId];
  if (own) return own;
  return category.sharedGroupIds.some((id) => caller.groups[id] !== undefined) ? 'member' : null;
}

/**
 * A site category (no group) is open to whoever may see the site. A group's category is for the members
 * of its group and of the groups it is shared with, and for site admins, unless its `seeAccess` opens it to
 * everyone. Site moderators are not members of private spaces: they moderate the public site.
 */
export function canSeeCategory(caller: Caller | null, category: CategoryRef, site: SiteRules): boolean {
  if (site.loginRequired && caller === null) return false;
  if (category.groupId === null || category.seeAccess === 'everyone' || caller?.role === 'admin') return true;
  return spaceRole(caller, category) !== null;
}

/** In a support desk (`topicsVisibleTo: author`) a topic is its author's and the space's moderators'; elsewhere whoever sees the space's. */
export function seesTopicIn(caller: Caller | null, category: CategoryRef, authorId: string): boolean {
  if (category.topicsVisibleTo !== 'author') return true;
  return caller !== null && (caller.userId === authorId || moderatesSpace(caller, category));
}

/** Site staff on the site's own categories; the owning group's owners and moderators in a group space. */
export function moderatesSpace(caller: Caller | null, category: CategoryRef): boolean {
  if (caller === null) return false;
  if (caller.role === 'admin') return true;
  if (category.groupId === null) return isSiteStaff(caller);
  const role = spaceRole(caller, category);
  return role === 'owner' || role === 'moderator';
}

/**
 * May a signed-in caller who can see the category act where `audience` is allowed (start, reply)? On a site
 * category only `moderators` narrows it (to site staff: an announcements category); any other value is everyone.
 */
export function reaches(caller: Caller | null, category: CategoryRef, site: SiteRules, audience: CategoryRef['startAccess']): boolean {
  if (caller === null || !canSeeCategory(caller, category, site)) return false;
  if (category.groupId === null) return audience !== 'moderators' || isSiteStaff(caller);
  if (caller.role === 'admin' || audience === 'everyone') return true;
  const role = spaceRole(caller, category);
  return audience === 'members' ? role !== null : role === 'owner' || role === 'moderator';
}

/** The groups whose owner or moderator the caller is: the spaces they moderate. */
export function managedGroupIds(caller: Caller): string[] {
  return Object.entries(caller.groups)
    .filter(([, role]) => role === 'owner' || role === 'moderator')
    .map(([id]) => id);
}

/**
 * A conversation's participants see it; so do the current owners and moderators of the group it writes to,
 * until they leave it. Site roles open nothing here: even an admin gets the same 404 as for a missing one.
 */
export function seesConversation(caller: Caller | null, conversation: ConversationRef): boolean {
  if (caller === null || conversation.caller === 'left') return false;
  if (conversation.caller === 'participant') return true;
  if (conversation.groupId === null) return false;
  const role = caller.groups[conversation.groupId];
  return role === 'owner' || role === 'moderator';
}
