import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  emailWorks,
  joinUser,
  userColumns,
  userContactColumns,
  userDtoFromRow,
  userExists,
  userIsActive,
  type UserColumnsRow,
} from '@harbour/accounts';
import type { AlertRegionDto, Locale, UserDto } from '@harbour/contracts';
import { pushDetailsSql } from '@harbour/notifications';

/** A subscriber as an alert's delivery needs them. */
export interface AlertSubscriber {
  userId: string;
  email: string;
  locale: Locale;
  discreet: boolean;
  pushDetails: boolean;
  /** No bounce or complaint stands against their address: an alert is emailed only then (sockets and pushes go all the same). */
  emailWorks: boolean;
}

/**
 * The people around alerts: the site's regions, the alert team, and members' subscriptions. All SQL on
 * `alert_regions`, `alert_team_members` and `alert_subscriptions` lives here.
 */
@Injectable()
export class AlertMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  regions(manager?: EntityManager): Promise<AlertRegionDto[]> {
    return this.db(manager).query('SELECT code, name, name_fr AS "nameFr" FROM alert_regions ORDER BY position, code');
  }

  /** Replaces the list in `manager`'s transaction (readers see the old list or the new one, never half). */
  async replaceRegions(regions: AlertRegionDto[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM alert_regions');
    await manager.query(
      `INSERT INTO alert_regions (code, name, name_fr, position)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[])`,
      [regions.map((r) => r.code), regions.map((r) => r.name), regions.map((r) => r.nameFr), regions.map((_r, i) => i)],
    );
  }

  async onTeam(userId: string): Promise<boolean> {
    const rows = await this.db().query<unknown[]>('SELECT 1 FROM alert_team_members WHERE user_id = $1', [userId]);
    return rows.length > 0;
  }

  async team(): Promise<{ user: UserDto; addedAt: Date }[]> {
    const rows = await this.db().query<(UserColumnsRow<'u_'> & { added_at: Date })[]>(
      `SELECT t.added_at, ${userColumns('u')} FROM alert_team_members t ${joinUser('u', 't.user_id')} ORDER BY t.added_at, t.user_id`,
    );
    return rows.map((row) => ({ user: userDtoFromRow(row, 'u_'), addedAt: row.added_at }));
  }

  async addToTeam(userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'INSERT INTO alert_team_members (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING RETURNING user_id',
      [userId],
    );
    return rows.length > 0;
  }

  async removeFromTeam(userId: string, manager: EntityManager): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>('DELETE FROM alert_team_members WHERE user_id = $1', [userId]);
    return count > 0;
  }

  async subscription(userId: string): Promise<{ regions: string[]; alertsOff: boolean }> {
    const rows = await this.db().query<{ regions: string[]; alertsOff: boolean }[]>(
      'SELECT regions, alerts_off AS "alertsOff" FROM alert_subscriptions WHERE user_id = $1',
      [userId],
    );
    return rows[0] ?? { regions: [], alertsOff: false };
  }

  /** Sets the member's regions (and, when given, their unsubscribe). */
  async subscribe(userId: string, regions: string[], alertsOff: boolean | undefined): Promise<void> {
    await this.db().query(
      `INSERT INTO alert_subscriptions (user_id, regions, alerts_off) VALUES ($1, $2::varchar[], coalesce($3, false))
       ON CONFLICT (user_id) DO UPDATE SET regions = EXCLUDED.regions,
         alerts_off = coalesce($3, alert_subscriptions.alerts_off), updated_at = now()`,
      [userId, regions, alertsOff ?? null],
    );
  }

  /** The unsubscribe link of an alert email: alerts off, regions kept (turning alerts back on restores them). */
  async turnOff(userId: string): Promise<void> {
    await this.db().query(
      `INSERT INTO alert_subscriptions (user_id, alerts_off) SELECT $1, true WHERE ${userExists('$1::uuid')}
       ON CONFLICT (user_id) DO UPDATE SET alerts_off = true, updated_at = now()`,
      [userId],
    );
  }

  /**
   * The active members an alert of these regions reaches: subscribed to one of them and not unsubscribed from
   * alerts. Their mute, digest and delivery choices do not matter here (api.md 1.1); the unsubscribe always does.
   */
  subscribersOf(alertId: string): Promise<AlertSubscriber[]> {
    return this.db().query(
      `SELECT s.user_id AS "userId", ${userContactColumns('u', '')}, ${pushDetailsSql('s.user_id')} AS "pushDetails",
              ${emailWorks('u')} AS "emailWorks"
         FROM alert_subscriptions s ${joinUser('u', 's.user_id')}
        WHERE s.regions && (SELECT a.regions FROM alerts a WHERE a.id = $1) AND NOT s.alerts_off AND ${userIsActive('u')}`,
      [alertId],
    );
  }

  /** One subscriber again (a push job, when it runs): still subscribed to one of the regions, alerts still on. */
  async subscriber(userId: string, regions: string[]): Promise<AlertSubscriber | null> {
    const rows = await this.db().query<AlertSubscriber[]>(
      `SELECT s.user_id AS "userId", ${userContactColumns('u', '')}, ${pushDetailsSql('s.user_id')} AS "pushDetails",
              ${emailWorks('u')} AS "emailWorks"
         FROM alert_subscriptions s ${joinUser('u', 's.user_id')}
        WHERE s.user_id = $2 AND s.regions && $1::varchar[] AND NOT s.alerts_off AND ${userIsActive('u')}`,
      [regions, userId],
    );
    return rows[0] ?? null;
  }

  async erase(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM alert_subscriptions WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM alert_team_members WHERE user_id = $1', [userId]);
  }
}
