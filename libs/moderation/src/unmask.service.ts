import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, ForbiddenError, isUuid, NotFoundError, RuleRefusedError } from '@harbour/common';
import type { PageDto, UnmaskRequestDto } from '@harbour/contracts';
import { ForumLookup, PostRepository, postLinks } from '@harbour/forum';
import type { UnmaskDto } from './unmask.dtos';
import type { UnmaskRequest } from './unmask-request.entity';
import { UnmaskRequestRepository } from './unmask-request.repository';

/**
 * Unmasking an anonymous post takes two people (api.md 1.1): a moderator of its space asks, with a reason; an
 * admin who did not ask approves. Only then, and only to those two, does the request name the author; both
 * steps are logged against the post (never the member), and the author is told that they were unmasked and why.
 */
@Injectable()
export class UnmaskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly posts: PostRepository,
    private readonly requests: UnmaskRequestRepository,
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
  ) {}

  async request(caller: Caller, postId: string, dto: UnmaskDto): Promise<UnmaskRequestDto> {
    const { post, category } = await this.lookup.post(caller, postId);
    if (!this.access.can(caller, { action: 'moderation.act', category })) throw new ForbiddenError('You are not allowed to do this');
    if (post.anonymousNumber === null) throw new RuleRefusedError('This post is not anonymous: its author is shown with it');
    const saved = await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.create(manager, { postId: post.id, requesterId: caller.userId, reason: dto.reason });
      await audit(manager, {
        actorId: caller.userId,
        action: 'post.unmask_request',
        targetType: 'post',
        targetId: post.id,
        reason: dto.reason,
      });
      return request;
    });
    return (await this.views(caller, [saved]))[0]!;
  }

  async page(caller: Caller, query: { cursor?: string; limit?: number }): Promise<PageDto<UnmaskRequestDto>> {
    this.access.assertCan(caller, { action: 'unmask.review' });
    const page = await this.requests.page(query);
    return { items: await this.views(caller, page.items), nextCursor: page.nextCursor };
  }

  /** Admins and the request's own requester read it; for anyone else it is the 404 of a missing one. */
  async get(caller: Caller, id: string): Promise<UnmaskRequestDto> {
    return (await this.views(caller, [await this.readable(caller, id)]))[0]!;
  }

  async approve(caller: Caller, id: string): Promise<UnmaskRequestDto> {
    const found = await this.readable(caller, id);
    if (!this.access.can(caller, { action: 'unmask.approve', requesterId: found.requesterId })) {
      throw new ForbiddenError(
        found.requesterId === caller.userId ? 'Another admin must approve your own request' : 'Only an admin may approve this',
      );
    }
    const approved = await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, found.id);
      if (!request) throw new NotFoundError();
      if (request.status !== 'pending') throw new ConflictError('This request was approved already');
      const post = await this.posts.findWithTopic(request.postId);
      if (!post) throw new NotFoundError();
      await this.requests.approve(manager, request.id, caller.userId);
      await audit(manager, {
        actorId: caller.userId,
        action: 'post.unmask_approve',
        targetType: 'post',
        targetId: post.id,
        reason: request.reason,
      });
      return { request, post };
    });
    this.events.publish('PostUnmasked', {
      postId: approved.post.id,
      topicId: approved.post.topicId,
      authorId: approved.post.authorId,
      reason: approved.request.reason,
    });
    return this.get(caller, id);
  }

  private async readable(caller: Caller, id: string): Promise<UnmaskRequest> {
    const request = isUuid(id) ? await this.requests.findById(id) : null;
    if (!request || (request.requesterId !== caller.userId && !this.access.can(caller, { action: 'unmask.review' }))) {
      throw new NotFoundError();
    }
    return request;
  }

  /** Requests as this caller may see them: the author only on an approved one, to its requester and approver. */
  private async views(caller: Caller, requests: UnmaskRequest[]): Promise<UnmaskRequestDto[]> {
    const links = await postLinks(
      this.dataSource.manager,
      requests.map((request) => request.postId),
    );
    const revealed = requests.filter(
      (request) => request.status === 'approved' && (request.requesterId === caller.userId || request.approverId === caller.userId),
    );
    const authors = new Map(
      (await this.posts.findWithAuthors([...new Set(revealed.map((request) => request.postId))], { held: true })).map((post) => [
        post.id,
        post.author,
      ]),
    );
    const staffIds = requests.flatMap((request) => [request.requesterId, ...(request.approverId ? [request.approverId] : [])]);
    const staff = new Map((await this.users.findByIds([...new Set(staffIds)])).map((user) => [user.id, user]));
    return requests.map((request) => {
      const link = links.get(request.postId);
      const requester = staff.get(request.requesterId);
      const approver = request.approverId ? staff.get(request.approverId) : undefined;
      const author = revealed.includes(request) ? authors.get(request.postId) : undefined;
      return {
        id: request.id,
        postId: request.postId,
        topicId: link?.topicId ?? null,
        postNumber: link?.number ?? null,
        status: request.status,
        reason: request.reason,
        requester: requester ? toUserDto(requester) : null,
        approver: approver ? toUserDto(approver) : null,
        createdAt: request.createdAt.toISOString(),
        approvedAt: request.approvedAt?.toISOString() ?? null,
        ...(author ? { author: toUserDto(author) } : {}),
        canApprove: request.status === 'pending' && this.access.can(caller, { action: 'unmask.approve', requesterId: request.requesterId }),
      };
    });
  }
}
