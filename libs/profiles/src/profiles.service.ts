import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller, type CategoryRef, type SiteRules, type SqlScope } from '@harbour/access';
import { MemberDirectory, messageRecipients, type MemberProfile } from '@harbour/accounts';
import { NotFoundError } from '@harbour/common';
import type { PageDto, ProfileDto, ProfilePostDto, UserDto, UserSearchQuery } from '@harbour/contracts';
import { ForumLookup, MemberPosts, takesPartInTopic } from '@harbour/forum';
import { MembershipService, sharesGroup } from '@harbour/groups';
import { SettingsService } from '@harbour/settings';

/** @-completion offers at most this many members (api.md). */
const COMPLETIONS = 10;

/**
 * Members' profiles, put together from what each lib lets this caller see: accounts' public fields, forum's
 * posts and count (only in categories the caller may see), groups' memberships (only where the caller may
 * see who belongs). An unknown, pending or deleted member and a visitor on a login-only site get one 404.
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly directory: MemberDirectory,
    private readonly memberPosts: MemberPosts,
    private readonly memberships: MembershipService,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly dataSource: DataSource,
  ) {}

  async profile(caller: Caller | null, username: string): Promise<ProfileDto> {
    const { member, site } = await this.find(caller, username);
    const [postCount, groups, canMessage] = await Promise.all([
      this.memberPosts.count(caller, site, member.user.id),
      this.memberships.onProfile(caller, site, member.user.id),
      this.canMessage(caller, member.user.id),
    ]);
    return {
      user: member.user,
      pronouns: member.pronouns,
      bio: member.bio,
      // The month only: the day and hour someone joined can tie an account to a person.
      joinedAt: member.createdAt.toISOString().slice(0, 7),
      postCount,
      groups,
      canMessage,
    };
  }

  async posts(caller: Caller | null, username: string, query: { cursor?: string; limit?: number }): Promise<PageDto<ProfilePostDto>> {
    const { member, site } = await this.find(caller, username);
    return this.memberPosts.page(caller, site, member.user.id, query);
  }

  /**
   * Members for @-completion. In a topic, those taking part come first; in a private space only those who
   * may see it are offered (mentioning anyone else would tell nobody anything, and would tell the writer who
   * is a member of what), and in a support desk's topic only its author and staff. A new topic's category narrows
   * the same way. A topic or category the caller may
   * not see is a 404 like a missing one.
   */
  async search(caller: Caller, query: UserSearchQuery): Promise<{ items: UserDto[] }> {
    const base = { excludeUserId: caller.userId, limit: COMPLETIONS };
    if (query.topicId) {
      const { category, topic } = await this.lookup.topic(caller, query.topicId);
      const first = { where: takesPartInTopic('u.id', 'completionTopicId'), params: { completionTopicId: query.topicId } };
      // In a support desk, only those who may see the topic: its author and the space's moderators.
      const seeing = (alias: string, groupRolesSql: string) =>
        this.access.membersSeeingTopic(category, topic.authorId, alias, groupRolesSql);
      return { items: await this.directory.completions(query.prefix, { ...base, seeing, first }) };
    }
    if (query.categoryId) {
      const { category } = await this.lookup.category(caller, query.categoryId);
      return { items: await this.directory.completions(query.prefix, { ...base, seeing: this.seeing(category) }) };
    }
    return { items: await this.directory.completions(query.prefix, base) };
  }

  /** Whether the caller may start a conversation with the member (what the "Message" button shows). */
  private async canMessage(caller: Caller | null, userId: string): Promise<boolean> {
    if (caller === null || caller.silenced || caller.userId === userId) return false;
    const [recipient] = await messageRecipients(this.dataSource.manager, caller.userId, { ids: [userId] }, sharesGroup);
    return recipient !== undefined && this.access.can(caller, { action: 'member.message', target: { id: userId, ...recipient } });
  }

  /** Members who may see the category, in accounts' query over its aliases. */
  private seeing(category: CategoryRef): (alias: string, groupRolesSql: string) => SqlScope {
    return (alias, groupRolesSql) => this.access.membersSeeingCategory(category, alias, groupRolesSql);
  }

  private async find(caller: Caller | null, username: string): Promise<{ member: MemberProfile; site: SiteRules }> {
    const site = await this.settings.accessRules();
    if (!this.access.can(caller, { action: 'profile.see', site })) throw new NotFoundError();
    const member = await this.directory.profile(username);
    if (!member) throw new NotFoundError();
    return { member, site };
  }
}
