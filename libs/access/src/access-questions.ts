import type { GroupCreation, GroupVisibility, Role, SpaceAudience, TopicsVisibleTo } from '@harbour/contracts';

/** What access needs to know about a category (the columns of the same names). */
export interface CategoryRef {
  groupId: string | null;
  sharedGroupIds: string[];
  seeAccess: Exclude<SpaceAudience, 'moderators'>;
  startAccess: SpaceAudience;
  replyAccess: SpaceAudience;
  /** `author`: a support desk, where each member sees only the topics they started (its moderators see all). */
  topicsVisibleTo: TopicsVisibleTo;
}

/** Site-wide rules that change who may see what (from the site settings). */
export interface SiteRules {
  loginRequired: boolean;
  groupCreation: GroupCreation;
}

export interface TopicRef {
  authorId: string;
  locked: boolean;
}

export interface PostRef {
  authorId: string;
  wiki: boolean;
  deleted: boolean;
}

/**
 * What access needs to know about a conversation, as the caller stands in it: `caller` is their own row
 * (`participant`: named in it; `staff`: a group inbox's staff member who has opened it; `left`; null: none).
 */
export interface ConversationRef {
  groupId: string | null;
  caller: 'participant' | 'staff' | 'left' | null;
  participantCount: number;
}

/** What access needs to know about a member someone wants to write to (their choice and their block). */
export interface RecipientRef {
  id: string;
  messagesFrom: 'everyone' | 'groups' | 'nobody';
  /** The recipient blocked the caller. */
  blockedCaller: boolean;
  /** The recipient and the caller are members of one same group. */
  sharesGroup: boolean;
}

/** Where a draft is kept (its key, api.md), with what access judges writing there by. */
export type DraftPlace =
  | { kind: 'topic'; category: CategoryRef; site: SiteRules; topic: Pick<TopicRef, 'locked'> }
  | { kind: 'new-topic'; category: CategoryRef; site: SiteRules }
  | { kind: 'conversation'; conversation: ConversationRef }
  | { kind: 'new-conversation' };

export interface GroupRef {
  id: string;
  visibility: GroupVisibility;
}

/**
 * Every question the code asks about a caller, by name. A rule that is not here is not a rule: services,
 * mappers, socket handlers and jobs ask these (never a role) and the policy table (policy-table.spec.ts)
 * states the answer of each for every role.
 */
export type AccessQuestion =
  | { action: 'user.changeRole'; target: { id: string; role: Role } }
  /** Set up or turn off one's own two-factor authentication: every signed-in member, silenced ones too. */
  | { action: 'twoFactor.manage' }
  /** Change one's own password or address, list one's sessions: every signed-in member, silenced ones too. */
  | { action: 'account.secure' }
  /** End a session: only the member it belongs to (anyone else's is the same 404 as a missing one). */
  | { action: 'session.end'; session: { userId: string } }
  /** Change what others see of oneself (display name, pronouns, bio): a signed-in member who is not silenced. */
  | { action: 'profile.edit' }
  /** Block a member (or undo it): any signed-in member, even silenced (it changes nothing others see), never themself. */
  | { action: 'user.block'; target: { id: string } }
  | { action: 'category.create'; groupId: string | null }
  /** Change a category itself (name, description, permissions): what may create it may edit it. */
  | { action: 'category.edit'; category: CategoryRef }
  | { action: 'category.see'; category: CategoryRef; site: SiteRules }
  /**
   * See a topic and its posts (started by `topic.authorId`): whoever sees its category, except in a support desk
   * (`topicsVisibleTo: author`), where only its author and those who moderate the space do. Anyone else gets the
   * 404 of a missing topic, and it is absent from every list, count, search, notification and socket room.
   */
  | { action: 'topic.see'; category: CategoryRef; site: SiteRules; topic: Pick<TopicRef, 'authorId'> }
  | { action: 'topic.create'; category: CategoryRef; site: SiteRules }
  /** Reply in a topic: who the category lets reply; a locked topic only those who moderate its space. */
  | { action: 'post.reply'; category: CategoryRef; site: SiteRules; topic: Pick<TopicRef, 'locked'> }
  | { action: 'post.edit'; category: CategoryRef; site: SiteRules; post: PostRef }
  | { action: 'post.delete'; category: CategoryRef; site: SiteRules; post: PostRef }
  /** Turn a post into a wiki or back: its author, and those who moderate its space. */
  | { action: 'post.setWiki'; category: CategoryRef; site: SiteRules; post: PostRef }
  /** React to a post: a signed-in member who may see it, on a post that is not deleted. */
  | { action: 'post.react'; category: CategoryRef; site: SiteRules; post: PostRef }
  /** Quote a post in a reply anywhere: a signed-in member who may see it, on a post that is not deleted. */
  | { action: 'post.quote'; category: CategoryRef; site: SiteRules; post: PostRef }
  /**
   * Read what a hidden post says (or a deleted one's history): its author while it is only hidden, and those
   * who moderate its space. Everyone else gets the tombstone.
   */
  | { action: 'post.seeHidden'; category: CategoryRef; site: SiteRules; post: PostRef }
  | { action: 'topic.editTitle'; category: CategoryRef; site: SiteRules; topic: Pick<TopicRef, 'authorId'> }
  /** Pin, lock, move, slow mode; also exempt from slow mode and told who a moderator editor was. */
  | { action: 'topic.moderate'; category: CategoryRef; site: SiteRules }
  /** Site-wide rate limits (posts per minute, topics and reports per day) bind members, not site staff. */
  | { action: 'rateLimits.exempt' }
  /** A newcomer's post and one with a review word are held, except site staff's. */
  | { action: 'review.exempt' }
  | { action: 'group.create'; site: SiteRules }
  | { action: 'group.see'; group: GroupRef; site: SiteRules }
  | { action: 'group.seeMembers'; group: GroupRef; site: SiteRules }
  | { action: 'group.requestToJoin'; group: GroupRef }
  /** Invite, remove members, decide join requests: the group's owners and moderators (and site admins). */
  | { action: 'group.manageMembers'; group: GroupRef }
  /** Change the group's settings and members' roles: owners (and site admins). */
  | { action: 'group.edit'; group: GroupRef }
  /** Report a post or topic (in `category`) or a member (`category` null): whoever may see it, but not their own. */
  | { action: 'flag.create'; category: CategoryRef | null; site: SiteRules; targetAuthorId: string }
  /** Open the review queue: site staff, and the owners and moderators of a group (for their spaces). */
  | { action: 'moderation.queue' }
  /** Act on a queue item about something in `category`, or about a member or the site (null: site staff only). */
  | { action: 'moderation.act'; category: CategoryRef | null }
  /** See who reported something: site staff; a group's moderators see the reasons, not the reporters. */
  | { action: 'report.seeReporters' }
  /** Warn, silence, suspend or ban: moderators sanction members; admins also moderators; nobody an admin. */
  | { action: 'user.sanction'; target: { id: string; role: Role } }
  | { action: 'moderation.log' }
  /** Read every log entry unscoped, also those whose post or topic is gone: admins. */
  | { action: 'moderation.logAll' }
  /** A member's moderation record and the notes staff keep on them: site staff only. */
  | { action: 'moderation.member' }
  /**
   * Reveal who wrote an anonymous post (api.md 1.1): an admin who did not ask for it (two people, always). The
   * request itself is `moderation.act` on the post's space.
   */
  | { action: 'unmask.approve'; requesterId: string }
  /** Read every unmask request (never its author: only its requester and approver see that): admins. */
  | { action: 'unmask.review' }
  /** See a post (or topic) held for review: its author, and those who moderate its space. */
  | { action: 'held.see'; category: CategoryRef; authorId: string }
  /**
   * Take one's data out or delete one's own account: every signed-in member, silenced included (leaving is never
   * a privilege a sanction takes away). A suspended or banned member has no session: an admin does it on request.
   */
  | { action: 'account.leave' }
  /** Delete someone's account at their request: admins, not their own (that is `account.leave`) nor another admin's. */
  | { action: 'user.delete'; target: { id: string; role: Role } }
  /** Read a mailing in the public archive: sent, and not a group's (that went to the group alone). */
  | { action: 'mailing.read'; mailing: { status: string; audienceKind: string }; site: SiteRules }
  /** See a member's profile, posts and picture: whoever may see the site (a login-only site hides members from visitors). */
  | { action: 'profile.see'; site: SiteRules }
  /** Show or hide one's own membership of a group on one's profile: the group's members. */
  | { action: 'group.hideMembership'; group: GroupRef }
  /**
   * Read a conversation: its participants, and the current owners and moderators of the group it writes to
   * (unless they left it). Nobody else: no site role opens a conversation (a reported message reaches the
   * moderators through its report, see `report.seeReporters`' queue).
   */
  | { action: 'conversation.see'; conversation: ConversationRef }
  /** Write in a conversation: whoever sees it (a silenced member writes nothing: the guard). */
  | { action: 'conversation.reply'; conversation: ConversationRef }
  /** Add someone: whoever sees it, while it has fewer than the most participants. */
  | { action: 'conversation.invite'; conversation: ConversationRef; max: number }
  /** Edit a message: its author, while they see the conversation. */
  | { action: 'message.edit'; conversation: ConversationRef; message: { authorId: string | null } }
  /** Report a message: a participant, about someone else's. */
  | { action: 'message.flag'; conversation: ConversationRef; message: { authorId: string | null } }
  /**
   * Start a conversation with a member, or add them to one: not oneself, not someone who blocked the caller,
   * and as the member chose (everyone, members of a group they share, nobody). One answer for every refusal.
   */
  | { action: 'member.message'; target: RecipientRef }
  /** Write to a group's staff (its support desk): a signed-in member who may see the group and is not its staff. */
  | { action: 'group.message'; group: GroupRef; site: SiteRules }
  /** Receive web pushes on a device: every signed-in member, silenced ones too (it changes nothing others see). */
  | { action: 'push.subscribe' }
  /** Stop a device's web pushes: only the member it belongs to; for anyone else it is the 404 of a missing one. */
  | { action: 'push.unsubscribe'; subscription: { userId: string } }
  /** Upload a picture or file to use in a post or message: a signed-in member who is not silenced. */
  | { action: 'upload.create' }
  /**
   * Keep (save, read back) a draft: a signed-in member, where they may write what it drafts (a reply, a new
   * topic, a message; anyone may start a conversation). Anywhere else the draft is the 404 of a missing one,
   * even if it was saved before the place closed to them. (A silenced member's saves stop at the guard.)
   */
  | { action: 'draft.write'; place: DraftPlace }
  /**
   * Fetch an uploaded file: its uploader, and whoever may see a live post or message of theirs that uses it
   * (`usedWhereSeen`, which forum and conversations answer with their own questions); for anyone else it is
   * the 404 of a missing file. No site role widens this: staff see a file where they see its post.
   */
  | { action: 'upload.see'; upload: { uploaderId: string }; usedWhereSeen: boolean }
  /** Read drug-supply alerts (lists, one alert, the feed): whoever may see the site (a login-only site hides them from visitors). */
  | { action: 'alert.see'; site: SiteRules }
  /** Publish an alert: admins, and the members admins named to the alert team (`onTeam`). */
  | { action: 'alert.create'; onTeam: boolean }
  /** Edit or retract an alert: the same people (an alert is the team's, not its writer's). */
  | { action: 'alert.manage'; onTeam: boolean }
  /** Read and dismiss reports of a bad batch, with the contact a reporter left: the same people, nobody else. */
  | { action: 'alertReport.read'; onTeam: boolean }
  /** Report a bad batch: anyone, without an account, whatever the site's login setting (a warning must get through). */
  | { action: 'alertReport.create' }
  /** Name and remove the alert team's members, change the site's list of regions: admins. */
  | { action: 'alertTeam.manage' }
  /** Choose the regions one hears alerts for, or turn alerts off: every signed-in member, silenced ones too. */
  | { action: 'alert.subscribe' };

export type AccessAction = AccessQuestion['action'];
