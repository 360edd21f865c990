import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';
import { DraftRepository } from './draft.repository';
import { toDraftDto } from './drafts.service';

/** A member's drafts: in their export (`drafts.json`, upload links and all: they are text), gone with their account. */
@Injectable()
export class DraftsMemberData implements MemberDataPart {
  readonly name = 'drafts';

  constructor(
    private readonly drafts: DraftRepository,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    return { 'drafts.json': (await this.drafts.ofMember(userId)).map(toDraftDto) };
  }

  async erase({ userId }: ErasedMember, manager: EntityManager): Promise<void> {
    await this.drafts.deleteOfMember(userId, manager);
  }
}
