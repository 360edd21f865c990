import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import { isUuid, NotFoundError } from '@harbour/common';
import type { MemberRecordDto } from '@harbour/contracts';
import { FlagRepository } from './flag.repository';
import { ModeratorNoteRepository } from './moderator-note.repository';
import { toSanctionDto } from './sanction.mapper';
import { SanctionRepository } from './sanction.repository';

/** A member's moderation page for site staff: their sanctions, the reports about them, staff notes. */
@Injectable()
export class MemberRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly users: UserRepository,
    private readonly sanctions: SanctionRepository,
    private readonly notes: ModeratorNoteRepository,
    private readonly flags: FlagRepository,
  ) {}

  async get(caller: Caller, userId: string): Promise<MemberRecordDto> {
    this.access.assertCan(caller, { action: 'moderation.member' });
    const user = await this.member(userId);
    const [sanctions, notes, against] = await Promise.all([
      this.sanctions.ofMember(user.id),
      this.notes.ofMember(user.id, 100),
      this.flags.countAgainst([user.id]),
    ]);
    const authors = new Map((await this.users.findByIds(notes.map((note) => note.authorId))).map((author) => [author.id, author]));
    return {
      member: { ...toUserDto(user), status: user.status },
      // One given through an anonymous post would tell staff who wrote it (api.md 1.1): it binds, unlisted here.
      sanctions: sanctions.filter((sanction) => !sanction.throughAnonymousPost).map(toSanctionDto),
      flagsAgainst: against.get(user.id) ?? 0,
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
      const note = await this.notes.add(manager, { userId: user.id, authorId: caller.userId, body });
      await audit(manager, { actorId: caller.userId, action: 'note.add', targetType: 'user', targetId: user.id, reason: null });
      return { id: note.id };
    });
  }

  private async member(userId: string) {
    const user = isUuid(userId) ? await this.users.findById(userId) : null;
    // A deleted account is nobody any more: no record, note or sanction (its row only keeps anonymous posts' author).
    if (!user || user.status === 'deleted') throw new NotFoundError();
    return user;
  }
}
