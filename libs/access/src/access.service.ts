import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@harbour/common';
import type { AlertCan, CategoryCan, ConversationCan, GroupCan, GroupRole, PostCan, TopicCan } from '@harbour/contracts';
import type { AccessQuestion, CategoryRef, ConversationRef, DraftPlace, GroupRef, PostRef, SiteRules, TopicRef } from './access-questions';
import type { Caller } from './caller';
import { hasPermission } from './permissions';
import { canSeeCategory, groupRole, isSiteStaff, moderatesSpace, reaches, seesConversation, seesTopicIn } from './space-standing';
import * as scopes from './sql-scopes';

/**
 * Answers "may this caller do this action on this object?" for every route, socket handler, mapper and job,
 * "what may they do with it?" (the `can` of api.md 1.1, from the same questions), and "which spaces and groups
 * may this caller see?" for every list, count and search. Nothing else decides.
 */
@Injectable()
export class AccessService {
  can(caller: Caller | null, question: AccessQuestion): boolean {
    switch (question.action) {
      case 'user.changeRole':
        // An admin may not change their own role: a site must never lose its last admin by a slip.
        return hasPermission(caller, 'admin.users') && caller?.userId !== question.target.id;
      case 'user.block':
        return caller !== null && caller.userId !== question.target.id;
      case 'twoFactor.manage':
        // Securing one's own account changes nothing others see.
        return caller !== null;
      case 'account.secure':
        return caller !== null;
      case 'session.end':
        return caller !== null && caller.userId === question.session.userId;
      case 'profile.edit':
        return caller !== null && !caller.silenced;
      case 'moderation.logAll':
      case 'unmask.review':
        return caller?.role === 'admin';
      case 'unmask.approve':
        return caller?.role === 'admin' && caller.userId !== question.requesterId;
      case 'category.create':
        return caller?.role === 'admin' || (question.groupId !== null && caller?.groups[question.groupId] === 'owner');
      case 'category.edit':
        return this.can(caller, { action: 'category.create', groupId: question.category.groupId });
      case 'category.see':
        return canSeeCategory(caller, question.category, question.site);
      case 'topic.see':
        return canSeeCategory(caller, question.category, question.site) && seesTopicIn(caller, question.category, question.topic.authorId);
      case 'topic.create':
        return reaches(caller, question.category, question.site, question.category.startAccess);
      case 'post.reply': {
        const { category, site, topic } = question;
        return reaches(caller, category, site, category.replyAccess) && (!topic.locked || moderatesSpace(caller, category));
      }
      case 'post.edit': {
        const { category, site, post } = question;
        if (caller === null || post.deleted || !canSeeCategory(caller, category, site)) return false;
        if (post.authorId === caller.userId || moderatesSpace(caller, category)) return true;
        return post.wiki && reaches(caller, category, site, category.replyAccess);
      }
      case 'post.delete':
      case 'post.setWiki':
      case 'topic.editTitle': {
        const authorId = question.action === 'topic.editTitle' ? question.topic.authorId : question.post.authorId;
        return (
          caller !== null &&
          canSeeCategory(caller, question.category, question.site) &&
          (authorId === caller.userId || moderatesSpace(caller, question.category))
        );
      }
      case 'post.react':
      case 'post.quote':
        return caller !== null && !question.post.deleted && canSeeCategory(caller, question.category, question.site);
      case 'post.seeHidden': {
        const { category, site, post } = question;
        if (caller === null || !canSeeCategory(caller, category, site)) return false;
        return moderatesSpace(caller, category) || (!post.deleted && post.authorId === caller.userId);
      }
      case 'topic.moderate':
        return canSeeCategory(caller, question.category, question.site) && moderatesSpace(caller, question.category);
      case 'rateLimits.exempt':
      case 'review.exempt':
      case 'report.seeReporters':
      case 'moderation.log':
      case 'moderation.member':
        return isSiteStaff(caller);
      case 'group.create':
        return caller !== null && (question.site.groupCreation === 'members' || caller.role === 'admin');
      case 'group.see':
        if (question.site.loginRequired && caller === null) return false;
        return question.group.visibility !== 'hidden' || groupRole(caller, question.group) !== null || caller?.role === 'admin';
      case 'group.seeMembers':
        if (!this.can(caller, { action: 'group.see', group: question.group, site: question.site })) return false;
        return question.group.visibility === 'public' || groupRole(caller, question.group) !== null || caller?.role === 'admin';
      case 'group.requestToJoin':
        return caller !== null && question.group.visibility !== 'hidden' && groupRole(caller, question.group) === null;
      case 'group.manageMembers': {
        const role = groupRole(caller, question.group);
        return role === 'owner' || role === 'moderator' || caller?.role === 'admin';
      }
      case 'group.edit':
        return groupRole(caller, question.group) === 'owner' || caller?.role === 'admin';
      case 'flag.create':
        return (
          caller !== null &&
          caller.userId !== question.targetAuthorId &&
          (question.category === null || canSeeCategory(caller, question.category, question.site))
        );
      case 'moderation.queue':
        return isSiteStaff(caller) || Object.values(caller?.groups ?? {}).some((role) => role === 'owner' || role === 'moderator');
      case 'moderation.act':
        if (caller === null) return false;
        return question.category === null ? isSiteStaff(caller) : moderatesSpace(caller, question.category);
      case 'user.sanction': {
        const { target } = question;
        if (caller === null || caller.userId === target.id || target.role === 'admin') return false;
        return caller.role === 'admin' || (caller.role === 'moderator' && target.role === 'member');
      }
      case 'held.see':
        return caller !== null && (caller.userId === question.authorId || moderatesSpace(caller, question.category));
      case 'account.leave':
        return caller !== null;
      case 'user.delete':
        return hasPermission(caller, 'admin.users') && caller?.userId !== question.target.id && question.target.role !== 'admin';
      case 'mailing.read':
        if (question.site.loginRequired && caller === null) return false;
        return question.mailing.status === 'sent' && question.mailing.audienceKind !== 'group';
      case 'profile.see':
        return !(question.site.loginRequired && caller === null);
      case 'group.hideMembership':
        return groupRole(caller, question.group) !== null;
      case 'conversation.see':
        return seesConversation(caller, question.conversation);
      case 'conversation.reply':
        return seesConversation(caller, question.conversation);
      case 'conversation.invite':
        return seesConversation(caller, question.conversation) && question.conversation.participantCount < question.max;
      case 'message.edit':
        return seesConversation(caller, question.conversation) && question.message.authorId === caller?.userId;
      case 'message.flag':
        return (
          seesConversation(caller, question.conversation) &&
          question.message.authorId !== null &&
          question.message.authorId !== caller?.userId
        );
      case 'member.message': {
        const { target } = question;
        if (caller === null || caller.userId === target.id || target.blockedCaller) return false;
        return target.messagesFrom === 'everyone' || (target.messagesFrom === 'groups' && target.sharesGroup);
      }
      case 'upload.create':
        return caller !== null && !caller.silenced;
      case 'push.subscribe':
        return caller !== null;
      case 'push.unsubscribe':
        return caller !== null && caller.userId === question.subscription.userId;
      case 'draft.write': {
        const writing = this.writingAt(question.place);
        return caller !== null && (writing === null || this.can(caller, writing));
      }
      case 'upload.see':
        return question.usedWhereSeen || (caller !== null && caller.userId === question.upload.uploaderId);
      case 'group.message': {
        if (caller === null || !this.can(caller, { action: 'group.see', group: question.group, site: question.site })) return false;
        const role = groupRole(caller, question.group);
        return role !== 'owner' && role !== 'moderator';
      }
      case 'alert.see':
        return !(question.site.loginRequired && caller === null);
      case 'alert.create':
      case 'alert.manage':
      case 'alertReport.read':
        return caller !== null && (caller.role === 'admin' || question.onTeam);
      case 'alertReport.create':
        return true;
      case 'alertTeam.manage':
        return caller?.role === 'admin';
      case 'alert.subscribe':
        return caller !== null;
    }
  }

  assertCan(caller: Caller | null, question: AccessQuestion): void {
    if (!this.can(caller, question)) throw new ForbiddenError('You are not allowed to do this');
  }

  /** The caller's role in a group, or null for non-members and visitors. */
  groupRole(caller: Caller | null, group: { id: string }): GroupRole | null {
    return groupRole(caller, group);
  }

  // `can` objects (api.md 1.1): the same questions the requests ask. A silenced member's every write answers
  // 403 (the guard), so each flag is false for them; a visitor's too.

  categoryCan(caller: Caller | null, category: CategoryRef, site: SiteRules): CategoryCan {
    const writer = this.writer(caller);
    return {
      startTopic: this.can(writer, { action: 'topic.create', category, site }),
      moderate: this.can(writer, { action: 'topic.moderate', category, site }),
      edit: this.can(writer, { action: 'category.edit', category }),
    };
  }

  topicCan(caller: Caller | null, category: CategoryRef, site: SiteRules, topic: TopicRef): TopicCan {
    const writer = this.writer(caller);
    return {
      reply: this.can(writer, { action: 'post.reply', category, site, topic }),
      edit: this.can(writer, { action: 'topic.editTitle', category, site, topic }),
      moderate: this.can(writer, { action: 'topic.moderate', category, site }),
      flag: this.can(writer, { action: 'flag.create', category, site, targetAuthorId: topic.authorId }),
    };
  }

  postCan(caller: Caller | null, category: CategoryRef, site: SiteRules, post: PostRef): PostCan {
    const writer = this.writer(caller);
    return {
      edit: this.can(writer, { action: 'post.edit', category, site, post }),
      delete: !post.deleted && this.can(writer, { action: 'post.delete', category, site, post }),
      react: this.can(writer, { action: 'post.react', category, site, post }),
      flag: !post.deleted && this.can(writer, { action: 'flag.create', category, site, targetAuthorId: post.authorId }),
      quote: this.can(writer, { action: 'post.quote', category, site, post }),
    };
  }

  /** `ownerCount`: the group's owners, since the last owner may not leave (they hand the group over first). */
  groupCan(caller: Caller | null, group: GroupRef & { ownerCount: number }): GroupCan {
    const writer = this.writer(caller);
    const role = groupRole(writer, group);
    const mayAsk = this.can(writer, { action: 'group.requestToJoin', group });
    return {
      join: mayAsk && group.visibility === 'public',
      requestToJoin: mayAsk && group.visibility !== 'public',
      invite: writer !== null && this.can(writer, { action: 'group.manageMembers', group }),
      manage: writer !== null && this.can(writer, { action: 'group.edit', group }),
      leave: role !== null && (role !== 'owner' || group.ownerCount > 1),
      message: writer !== null && role !== 'owner' && role !== 'moderator',
    };
  }

  /** What the caller may do with a drug-supply alert (`onTeam`: the caller is a named member of the alert team). */
  alertCan(caller: Caller | null, onTeam: boolean): AlertCan {
    const manage = this.can(this.writer(caller), { action: 'alert.manage', onTeam });
    return { edit: manage, retract: manage };
  }

  /** `edit` and `flag` are about messages: whether the caller may edit their own, and report others'. */
  conversationCan(caller: Caller | null, conversation: ConversationRef, max: number): ConversationCan {
    const writer = this.writer(caller);
    const sees = this.can(caller, { action: 'conversation.see', conversation });
    return {
      reply: this.can(writer, { action: 'conversation.reply', conversation }),
      invite: this.can(writer, { action: 'conversation.invite', conversation, max }),
      leave: sees,
      edit: this.can(writer, { action: 'message.edit', conversation, message: { authorId: writer?.userId ?? null } }),
      flag: writer !== null && sees,
    };
  }

  // The SQL scopes (sql-scopes.ts), here so that every list asks the same service as every single object.

  visibleCategories(caller: Caller | null, site: SiteRules, alias: string): scopes.SqlScope {
    return scopes.visibleCategories(caller, site, alias);
  }

  moderatedCategories(caller: Caller, alias: string): scopes.SqlScope {
    return scopes.moderatedCategories(caller, alias);
  }

  visibleHeldTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): scopes.SqlScope {
    return scopes.visibleHeldTopics(caller, topicAlias, categoryAlias);
  }

  /** Topics (topicAlias, in categoryAlias) the caller may see inside spaces they see: support desks and held topics. */
  visibleTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): scopes.SqlScope {
    return scopes.visibleTopics(caller, topicAlias, categoryAlias);
  }

  /** Support-desk topics (topicAlias, in categoryAlias) the caller may see: `topic.see`'s part beyond `category.see`. */
  visibleDeskTopics(caller: Caller | null, topicAlias: string, categoryAlias: string): scopes.SqlScope {
    return scopes.visibleDeskTopics(caller, topicAlias, categoryAlias);
  }

  archivedMailings(caller: Caller | null, site: SiteRules, alias: string): scopes.SqlScope {
    return scopes.archivedMailings(caller, site, alias);
  }

  visibleGroups(caller: Caller | null, site: SiteRules, alias: string): scopes.SqlScope {
    return scopes.visibleGroups(caller, site, alias);
  }

  visibleMemberships(caller: Caller | null, site: SiteRules, alias: string): scopes.SqlScope {
    return scopes.visibleMemberships(caller, site, alias);
  }

  /**
   * Conversations (alias) the caller is in, given their own participant row joined as `mineAlias` (or NULL) and
   * conversations' subquery of the ids they are named in (its `:callerId` parameter is the scope's).
   */
  visibleConversations(caller: Caller, conversationAlias: string, mineAlias: string, namedIdsSql: string): scopes.SqlScope {
    return scopes.visibleConversations(caller, conversationAlias, mineAlias, namedIdsSql);
  }

  membersSeeingCategory(category: CategoryRef, memberAlias: string, groupRolesSql: string): scopes.SqlScope {
    return scopes.membersSeeingCategory(category, memberAlias, groupRolesSql);
  }

  membersSeeingTopic(category: CategoryRef, authorId: string, memberAlias: string, groupRolesSql: string): scopes.SqlScope {
    return scopes.membersSeeingTopic(category, authorId, memberAlias, groupRolesSql);
  }

  /** What a draft's place asks of its writer: the question of writing there for real (null: being signed in). */
  private writingAt(place: DraftPlace): AccessQuestion | null {
    switch (place.kind) {
      case 'topic':
        return { action: 'post.reply', category: place.category, site: place.site, topic: place.topic };
      case 'new-topic':
        return { action: 'topic.create', category: place.category, site: place.site };
      case 'conversation':
        return { action: 'conversation.reply', conversation: place.conversation };
      case 'new-conversation':
        // Whom it goes to is judged when it is sent (member.message, group.message): a draft names nobody yet.
        return null;
    }
  }

  /** The caller as far as writing goes: nobody while silenced. */
  private writer(caller: Caller | null): Caller | null {
    return caller?.silenced ? null : caller;
  }
}
