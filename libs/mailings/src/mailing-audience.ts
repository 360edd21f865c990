import type { EntityManager } from 'typeorm';
import type { Mailing } from './mailing.entity';

/** Addresses that have said no (or whose server has): no audience ever includes them. */
const REFUSED = `('unsubscribed', 'bounced', 'complained')`;

/**
 * Writes a mailing's recipients, once, when its sending begins (so someone who unsubscribes between
 * scheduling and sending is left out): one delivery row per address, folded for case by the unique
 * (mailing, email) key. Returns how many were written.
 *
 * - subscribers: every subscribed address whose consent holds (express, or implied and not expired);
 * - members: the members who subscribed from their account (and are not banned or awaiting approval);
 * - a group: its members, minus the addresses on the list that refused mail.
 */
export async function writeRecipients(manager: EntityManager, mailing: Mailing): Promise<number> {
  const consentHolds = `(s.consent_method = 'express' OR s.consent_expires_at > now())`;
  const select =
    mailing.audienceKind === 'subscribers'
      ? `SELECT $1::uuid, s.email, s.locale FROM subscribers s WHERE s.status = 'subscribed' AND ${consentHolds}`
      : mailing.audienceKind === 'members'
        ? `SELECT $1::uuid, s.email, s.locale FROM subscribers s JOIN users u ON u.id = s.user_id
            WHERE s.status = 'subscribed' AND u.status IN ('active', 'suspended')`
        : `SELECT $1::uuid, lower(u.email), u.locale FROM group_members m JOIN users u ON u.id = m.user_id
            WHERE m.group_id = $2 AND u.status IN ('active', 'suspended')
              AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.email = lower(u.email) AND s.status IN ${REFUSED})`;
  const params = mailing.audienceKind === 'group' ? [mailing.id, mailing.audienceGroupId] : [mailing.id];
  const rows: { count: number }[] = await manager.query(
    `WITH written AS (INSERT INTO mailing_deliveries (mailing_id, email, locale) ${select}
                      ON CONFLICT (mailing_id, email) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
    params,
  );
  return rows[0]?.count ?? 0;
}
