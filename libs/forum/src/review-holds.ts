import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a held post or topic opens in the review queue. */
export interface HeldTarget {
  targetType: 'post' | 'topic';
  targetId: string;
}

type Opener = (manager: EntityManager, target: HeldTarget) => Promise<void>;

/**
 * Where forum opens the review-queue item of a held post, inside the post's own transaction (a held post
 * is never missing from the queue). The queue is libs/moderation's, which builds on forum: it provides the
 * opener when its module starts, so forum never names moderation's tables nor imports it.
 */
@Injectable()
export class ReviewHolds {
  private opener: Opener | null = null;

  provide(opener: Opener): void {
    this.opener = opener;
  }

  async open(manager: EntityManager, target: HeldTarget): Promise<void> {
    if (!this.opener) throw new Error('No review queue provided a ReviewHolds opener: a held post would be lost to moderators');
    await this.opener(manager, target);
  }
}
