import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ModeratorNote } from './moderator-note.entity';

/** Staff notes about a member: all SQL on `moderator_notes` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class ModeratorNoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest notes about a member, newest first. */
  async ofMember(userId: string, take: number): Promise<ModeratorNote[]> {
    return this.dataSource.manager.find(ModeratorNote, { where: { userId }, order: { createdAt: 'DESC' }, take });
  }

  async add(manager: EntityManager, note: { userId: string; authorId: string; body: string }): Promise<ModeratorNote> {
    return manager.save(manager.create(ModeratorNote, note));
  }
}
