import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What surgery did to where posts live: a split moved these posts; a merge moved a whole topic into another. */
export type TopicMove = { kind: 'posts'; postIds: string[]; toTopicId: string } | { kind: 'topic'; fromTopicId: string; toTopicId: string };

type Follower = (manager: EntityManager, move: TopicMove) => Promise<void>;

/**
 * Where libs above forum keep their rows about topics right when posts change topic, inside the surgery's own
 * transaction (notifications point at the topic their post is now in, and are not lost with a merged-away
 * topic). Those libs build on forum, so they register here at start-up; forum never names their tables.
 */
@Injectable()
export class TopicMoves {
  private readonly followers: Follower[] = [];

  follow(follower: Follower): void {
    this.followers.push(follower);
  }

  async moved(manager: EntityManager, move: TopicMove): Promise<void> {
    if (this.followers.length === 0) throw new Error('No lib follows TopicMoves: notifications would point at the wrong topic');
    for (const follower of this.followers) await follower(manager, move);
  }
}
