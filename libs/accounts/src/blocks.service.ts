import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { DomainEvents, InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import type { UserDto } from '@harbour/contracts';
import { BlockRepository } from './block.repository';
import { toUserDto } from './user.mapper';

/**
 * A member's blocks (api.md 1.1, "Blocking"): the blocker stops hearing from the blocked member (notifications,
 * mentions, messages) and sees their posts collapsed. The blocked member is never told: nothing any of their
 * answers says changes, so these routes answer the blocker alone.
 */
@Injectable()
export class BlocksService {
  constructor(
    private readonly blocks: BlockRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  async list(caller: Caller): Promise<{ items: UserDto[] }> {
    return { items: (await this.blocks.blockedBy(caller.userId)).map(toUserDto) };
  }

  async block(caller: Caller, userId: string): Promise<void> {
    await this.assertTarget(caller, userId);
    if (!(await this.blocks.add(caller.userId, userId))) throw new NotFoundError();
    this.events.publish('BlocksChanged', { userId: caller.userId });
  }

  async unblock(caller: Caller, userId: string): Promise<void> {
    await this.assertTarget(caller, userId);
    await this.blocks.remove(caller.userId, userId);
    this.events.publish('BlocksChanged', { userId: caller.userId });
  }

  /** A junk id or the caller themself is a bad request naming the field; a member nobody may see is the usual 404. */
  private async assertTarget(caller: Caller, userId: string): Promise<void> {
    if (!isUuid(userId)) throw new InvalidInputError('userId must be a member id (a UUID)');
    if (userId === caller.userId) throw new InvalidInputError('userId is you: you cannot block yourself');
    if (!(await this.blocks.blockable(userId))) throw new NotFoundError();
    this.access.assertCan(caller, { action: 'user.block', target: { id: userId } });
  }
}
