import type { UserDto } from './accounts';

/** Drug-supply alerts (api.md 1.1, "Drug-supply alerts"). */

export type AlertSeverity = 'info' | 'warning' | 'danger';
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['info', 'warning', 'danger'];

/** What the caller may do with an alert: edit it and retract it (the alert team and admins). */
export interface AlertCan {
  edit: boolean;
  retract: boolean;
}

/**
 * An alert as anyone reads it. It never names who wrote it: the alert team is not named publicly, to protect
 * its volunteers.
 */
export interface AlertDto {
  id: string;
  title: string;
  titleFr: string | null;
  body: string;
  bodyFr: string | null;
  substance: string;
  appearance: string | null;
  testResult: string | null;
  severity: AlertSeverity;
  /** Region codes from the site's list. */
  regions: string[];
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  retractedAt: string | null;
  /** Neither retracted nor expired. */
  active: boolean;
  can: AlertCan;
}

/** `POST /api/alerts`. */
export interface CreateAlertBody {
  title: string;
  titleFr?: string;
  body: string;
  bodyFr?: string;
  substance: string;
  appearance?: string;
  testResult?: string;
  severity: AlertSeverity;
  regions: string[];
  expiresAt: string;
  /** The report this alert answers: it is closed with it. */
  fromReportId?: string;
}

/** `PATCH /api/alerts/:id`: any of the fields; `null` removes an optional one (titleFr, bodyFr, appearance, testResult). */
export interface UpdateAlertBody {
  title?: string;
  titleFr?: string | null;
  body?: string;
  bodyFr?: string | null;
  substance?: string;
  appearance?: string | null;
  testResult?: string | null;
  severity?: AlertSeverity;
  regions?: string[];
  expiresAt?: string;
}

/** `GET /api/alerts?region=&active=true`. */
export interface AlertsQuery {
  region?: string;
  /** `true`: only alerts neither retracted nor expired. */
  active?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

/** `GET /api/alerts/feed.atom?region=`. */
export interface AlertFeedQuery {
  region?: string;
}

/** One region of the site's list. */
export interface AlertRegionDto {
  code: string;
  name: string;
  nameFr: string;
}

/** `GET /api/alerts/regions` and `PUT /api/admin/alert-regions`'s answer. */
export interface AlertRegionsDto {
  items: AlertRegionDto[];
}

/** `PUT /api/admin/alert-regions` (admins): the whole list, in order. */
export interface AlertRegionsBody {
  regions: AlertRegionDto[];
}

/** `PUT /api/me/alert-regions`: the regions whose alerts reach the member; `alertsOff` unsubscribes from all alerts. */
export interface AlertSubscriptionBody {
  regions: string[];
  alertsOff?: boolean;
}

/** `POST /api/alerts/unsubscribe?token=` (the link in an alert email), or the token in the body. */
export interface AlertUnsubscribeBody {
  token?: string;
  /** RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` as a form to the link, which carries the token. */
  'List-Unsubscribe'?: string;
}

/** `POST /api/alerts/reports`: anyone, no account; nothing about the reporter is kept beyond what they wrote. */
export interface CreateAlertReportBody {
  region: string;
  substance: string;
  description: string;
  /** How the team may reach the reporter, if they want to be reached. Never shown outside the team. */
  contact?: string;
}

export type AlertReportStatus = 'open' | 'dismissed' | 'closed';

/** A report of a bad batch, as the alert team reads it. */
export interface AlertReportDto {
  id: string;
  region: string;
  substance: string;
  description: string;
  contact: string | null;
  createdAt: string;
  status: AlertReportStatus;
  /** The alert that closed it. */
  alertId: string | null;
}

/** `GET /api/alerts/reports`. */
export interface AlertReportsQuery {
  status?: AlertReportStatus;
  limit?: number;
  cursor?: string;
}

/** `GET /api/admin/alert-team`: the members admins named (admins are on the team without being named). */
export interface AlertTeamMemberDto {
  user: UserDto;
  addedAt: string;
}

export interface AlertTeamDto {
  items: AlertTeamMemberDto[];
}

/** The `alert` socket event, to each subscribed member's own room. Its alert's `can` is all false (one payload for every room). */
export interface AlertEvent {
  change: 'created' | 'updated' | 'retracted';
  alert: AlertDto;
}
