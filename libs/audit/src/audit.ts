import type { EntityManager } from 'typeorm';
import { ModerationLogEntry } from './moderation-log-entry.entity';

/** A staff action as the moderation log records it. */
export interface AuditEntry {
  /** null for the system itself (a bounce or complaint received by mail, issue 21). */
  actorId: string | null;
  /** `flag.dismiss`, `post.hide`, `sanction.suspend`, `user.role`, `settings.update`, `watched_word.add`, … */
  action: string;
  targetType: string;
  targetId: string | null;
  reason?: string | null;
}

/**
 * Records a staff action in the moderation log. Call it with the action's own transaction: the entry
 * commits with the action or not at all, so a crash never leaves an action without its entry.
 */
export async function audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.insert(ModerationLogEntry, {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason ?? null,
  });
}
