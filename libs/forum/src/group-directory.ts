import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Existing = (manager: EntityManager, ids: string[]) => Promise<string[]>;

/**
 * Which group ids exist, for a category's owning and sharing groups. Groups are libs/groups', which builds
 * on forum (it closes a group's categories when the group closes): it provides the answer when its module
 * starts, so forum never names the groups table nor imports that lib.
 */
@Injectable()
export class GroupDirectory {
  private existing: Existing | null = null;

  provide(existing: Existing): void {
    this.existing = existing;
  }

  /** The ids among these that name a group, read in the caller's transaction. */
  async existingIds(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!this.existing) throw new Error('No groups lib provided a GroupDirectory');
    return ids.length === 0 ? [] : this.existing(manager, ids);
  }
}
