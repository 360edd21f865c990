import type { AlertCan, AlertDto, AlertReportDto } from '@harbour/contracts';
import type { AlertReport } from './alert-report.entity';
import type { Alert } from './alert.entity';

export const NO_ALERT_RIGHTS: AlertCan = { edit: false, retract: false };

/** Every field of an alert that leaves the server: never its writer. */
export function toAlertDto(alert: Alert, can: AlertCan, now = new Date()): AlertDto {
  return {
    id: alert.id,
    title: alert.title,
    titleFr: alert.titleFr,
    body: alert.body,
    bodyFr: alert.bodyFr,
    substance: alert.substance,
    appearance: alert.appearance,
    testResult: alert.testResult,
    severity: alert.severity,
    regions: alert.regions,
    expiresAt: alert.expiresAt.toISOString(),
    createdAt: alert.createdAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
    retractedAt: alert.retractedAt?.toISOString() ?? null,
    active: alert.retractedAt === null && alert.expiresAt > now,
    can: alert.retractedAt === null ? can : NO_ALERT_RIGHTS,
  };
}

/** A report as the alert team reads it (and nobody else: its contact is the reporter's own). */
export function toAlertReportDto(report: AlertReport): AlertReportDto {
  return {
    id: report.id,
    region: report.region,
    substance: report.substance,
    description: report.description,
    contact: report.contact,
    createdAt: report.createdAt.toISOString(),
    status: report.status,
    alertId: report.alertId,
  };
}
