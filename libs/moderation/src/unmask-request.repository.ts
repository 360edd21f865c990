import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { paginateNewestFirst } from '@harbour/common';
import { UnmaskRequest } from './unmask-request.entity';

/** Unmask requests: all SQL on `unmask_requests` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class UnmaskRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, fields: Pick<UnmaskRequest, 'postId' | 'requesterId' | 'reason'>): Promise<UnmaskRequest> {
    return manager.save(manager.create(UnmaskRequest, fields));
  }

  findById(id: string): Promise<UnmaskRequest | null> {
    return this.dataSource.manager.findOneBy(UnmaskRequest, { id });
  }

  /** The request under its row lock: two admins approving at once approve it once. */
  lock(manager: EntityManager, id: string): Promise<UnmaskRequest | null> {
    return manager.findOne(UnmaskRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async approve(manager: EntityManager, id: string, approverId: string): Promise<void> {
    await manager.update(UnmaskRequest, { id }, { status: 'approved', approverId, approvedAt: new Date() });
  }

  /** Every request, newest first. */
  page(query: { cursor?: string; limit?: number }): Promise<{ items: UnmaskRequest[]; nextCursor: string | null }> {
    const builder = this.dataSource.getRepository(UnmaskRequest).createQueryBuilder('request');
    return paginateNewestFirst(builder, query, 'createdAt', (row) => row);
  }
}
