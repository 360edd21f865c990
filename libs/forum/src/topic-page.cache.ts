import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@harbour/common';
import { windowKey, type PageWindow, type TopicPage } from './topic-page.repository';

const MAX_PAGES = 2000;

/**
 * Topic pages as everyone sees them, kept in memory for two seconds. Reading a popular topic is the
 * forum's hottest path; this is what Discourse's anonymous cache and NodeBB's post cache do.
 *
 * Safe for privacy because only the shared part is kept (never a reader's own marks) and access is
 * still checked on every request against the cached page's category, which was read in the same
 * snapshot as its posts. In this process every write to a topic drops its pages at once (the events
 * below); another process may serve the page as it was for at most ttlMs, which never shows anything
 * that was not visible to that reader ttlMs ago.
 */
@Injectable()
export class TopicPageCache {
  /** How long a page may be served from memory; it bounds staleness between processes (see above). */
  ttlMs = 2000;
  private readonly pages = new Map<string, { page: TopicPage; expiresAt: number }>();
  /** Counts drops, so a read that raced a write does not store what it read before the write. */
  private drops = 0;

  constructor(events: DomainEvents) {
    const drop = ({ topicId }: { topicId: string }) => this.dropTopic(topicId);
    events.on('PostCreated', drop);
    events.on('PostUpdated', drop);
    events.on('PostDeleted', drop);
    events.on('ReactionsChanged', drop);
    events.on('BookmarksChanged', drop);
    // Each page knows who blocked one of its authors (TopicPage.blockers): a new block must not wait for the TTL.
    events.on('BlocksChanged', () => this.clear());
    events.on('TopicUpdated', drop);
    // A category's access changed: every cached page carries its category's rules, so start afresh.
    events.on('SpaceAccessChanged', () => this.clear());
  }

  async read(topicId: string, window: PageWindow, count: number, load: () => Promise<TopicPage>): Promise<TopicPage> {
    const key = `${topicId}/${windowKey(window)}/${count}`;
    const hit = this.pages.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.page;
    const dropsBefore = this.drops;
    const page = await load();
    if (dropsBefore !== this.drops) return page;
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    this.pages.set(key, { page, expiresAt: Date.now() + this.ttlMs });
    return page;
  }

  /** Forgets every cached page (a category's access rules changed, say). */
  clear(): void {
    this.drops++;
    this.pages.clear();
  }

  private dropTopic(topicId: string): void {
    this.drops++;
    for (const key of this.pages.keys()) if (key.startsWith(`${topicId}/`)) this.pages.delete(key);
  }
}
