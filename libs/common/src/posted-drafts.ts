import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DraftKeyString } from '@harbour/contracts';

/** Where a draft is kept (api.md): a reply in a topic, a new topic in a category, a message, a new conversation. */
export type DraftKey = DraftKeyString;

type Discard = (manager: EntityManager, userId: string, key: DraftKey) => Promise<void>;

/**
 * Forum and conversations throw the author's draft away inside the transaction that writes its post, topic or
 * message, so a draft never outlives what it became (nor survives a write that rolled back). The drafts lib sits
 * above them (it asks them who may write where) and registers how; a process without it discards nothing.
 */
@Injectable()
export class PostedDrafts {
  private discard: Discard | null = null;

  register(discard: Discard): void {
    this.discard = discard;
  }

  async posted(manager: EntityManager, userId: string, key: DraftKey): Promise<void> {
    await this.discard?.(manager, userId, key);
  }
}
