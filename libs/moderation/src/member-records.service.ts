import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { toUserDto, User } from '@harbour/accounts';
import { isUuid, NotFoundError } from '@harbour/common';
import type { MemberRecordDto } from '@harbour/contracts';
import { ModeratorNote } from './moderator-note.entity';
import { Sanction } from './sanction.entity';
import { toSanctionDto } from './sanctions.service';

/** A member's moderation page for site staff: their sanctions, the reports about them, staff notes. */
@Injectable()
export class MemberRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async get(caller: Caller, userId: string): Promise<MemberRecordDto> {
    this.access.assertCan(caller, { action: 'moderation.member' });
    const user = await this.member(userId);
    const [sanctions, notes, [against]] = await Promise.all([
      this.dataSource.getRepository(Sanction).find({ where: { userId: user.id }, order: { createdAt: 'DESC' } }),
      this.dataSource.getRepository(ModeratorNote).find({ where: { userId: user.id }, order: { createdAt: 'DESC' }, take: 100 }),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(f.id)::int AS total FROM review_items i JOIN flags f ON f.item_id = i.id
           LEFT JOIN posts p ON i.target_type = 'post' AND p.id = i.target_id
           LEFT JOIN topics t ON i.target_type = 'topic' AND t.id = i.target_id
          WHERE (i.target_type = 'user' AND i.target_id = $1) OR p.author_id = $1 OR t.author_id = $1`,
        [user.id],
      ),
    ]);
    const authorIds = [...new Set(notes.map((note) => note.authorId))];
    const authors = new Map(
      (authorIds.length ? await this.dataSource.getRepository(User).findBy(authorIds.map((id) => ({ id }))) : []).map((author) => [
        author.id,
        author,
      ]),
    );
    return {
      member: { ...toUserDto(user), status: user.status },
      sanctions: sanctions.map(toSanctionDto),
      flagsAgainst: against?.total ?? 0,
      notes: notes.map((note) => {
        const author = authors.get(note.authorId);
        return { id: note.id, author: author ? toUserDto(author) : null, body: note.body, createdAt: note.createdAt.toISOString() };
      }),
    };
  }

  async addNote(caller: Caller, userId: string, body: string): Promise<{ id: string }> {
    this.access.assertCan(caller, { action: 'moderation.member' });
    const user = await this.member(userId);
    return this.dataSource.transaction(async (manager) => {
      const note = await manager.save(manager.create(ModeratorNote, { userId: user.id, authorId: caller.userId, body }));
      await audit(manager, { actorId: caller.userId, action: 'note.add', targetType: 'user', targetId: user.id, reason: null });
      return { id: note.id };
    });
  }

  private async member(userId: string): Promise<User> {
    const user = isUuid(userId) ? await this.dataSource.getRepository(User).findOneBy({ id: userId }) : null;
    if (!user) throw new NotFoundError();
    return user;
  }
}
