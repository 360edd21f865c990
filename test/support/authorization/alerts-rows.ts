import { createHmac } from 'node:crypto';
import type { TestApp } from '../app';
import type { TestMember } from '../factories';
import { adminOnly, everyone, MISSING, signedIn, type Row } from './matrix';

/** What the alert rows act on: an alert and a report made by the admin (on the alert team by their role). */
export interface AlertFixtures {
  alert: string;
  report: string;
  /** The bystander: named to the team and removed again by the team rows. */
  memberId: string;
  /** The bystander's unsubscribe link token (the signed link of an alert email). */
  unsubscribeToken: string;
  /** A new alert, to retract. */
  freshAlert: () => Promise<string>;
}

const alert = () => ({
  title: 'Matrix alert',
  body: 'Fentanyl in pills sold as oxycodone.',
  substance: 'counterfeit oxycodone',
  severity: 'danger',
  regions: ['CA-BC'],
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});
const report = { region: 'CA-BC', substance: 'down', description: 'A bad batch, from the matrix.' };

export async function alertFixtures(t: TestApp, admin: TestMember, bystander: TestMember): Promise<AlertFixtures> {
  const freshAlert = async () => (await t.http().post('/api/alerts').set(admin.auth).send(alert()).expect(201)).body.id as string;
  await t.http().post('/api/alerts/reports').send(report).expect(202);
  const reports = await t.http().get('/api/alerts/reports').set(admin.auth).expect(200);
  // As libs/alerts signs the link of an alert email, with the test site's secret (test/support/app.ts).
  const payload = Buffer.from(bystander.user.id).toString('base64url');
  const signature = createHmac('sha256', t.config.sessionSecret).update(`alerts-unsubscribe:${payload}`).digest('base64url');
  return {
    alert: await freshAlert(),
    report: reports.body.items[0].id as string,
    memberId: bystander.user.id,
    unsubscribeToken: `${payload}.${signature}`,
    freshAlert,
  };
}

/**
 * Matrix rows of issue 20 (drug-supply alerts). Reading is everyone's (the site being open); publishing, editing,
 * retracting and the reports' queue are the alert team's — of the roles here only the admin (named members are
 * proven in alerts.e2e-spec.ts); a report needs no account and a silenced member may still send one; choosing
 * one's regions changes nothing others see.
 */
export const ALERT_ROWS: Row[] = [
  { method: 'GET', path: '/api/alerts/regions', expect: everyone(200) },
  { method: 'GET', path: '/api/alerts/feed.atom', expect: everyone(200) },
  { method: 'GET', path: '/api/alerts', expect: everyone(200) },
  { method: 'GET', path: '/api/alerts/:id', url: (f) => `/api/alerts/${f.alerts.alert}`, expect: everyone(200) },
  { method: 'GET', path: '/api/alerts/:id', url: () => `/api/alerts/${MISSING}`, expect: everyone(404) },
  { method: 'POST', path: '/api/alerts', body: alert, expect: adminOnly(201) },
  {
    method: 'PATCH',
    path: '/api/alerts/:id',
    url: (f) => `/api/alerts/${f.alerts.alert}`,
    body: { severity: 'warning' },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/alerts/:id/retract',
    url: async (f) => `/api/alerts/${await f.alerts.freshAlert()}/retract`,
    expect: adminOnly(204),
  },
  { method: 'POST', path: '/api/alerts/reports', body: report, expect: everyone(202), evenSilenced: true },
  { method: 'GET', path: '/api/alerts/reports', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/alerts/reports/:id/dismiss',
    url: (f) => `/api/alerts/reports/${f.alerts.report}/dismiss`,
    expect: adminOnly(204),
  },
  {
    method: 'POST',
    path: '/api/alerts/unsubscribe',
    url: (f) => `/api/alerts/unsubscribe?token=${encodeURIComponent(f.alerts.unsubscribeToken)}`,
    expect: everyone(200),
    evenSilenced: true,
  },
  { method: 'PUT', path: '/api/me/alert-regions', body: { regions: ['CA-BC'] }, expect: signedIn(204), evenSilenced: true },
  { method: 'GET', path: '/api/admin/alert-team', expect: adminOnly(200) },
  {
    method: 'PUT',
    path: '/api/admin/alert-team/:userId',
    url: (f) => `/api/admin/alert-team/${f.alerts.memberId}`,
    expect: adminOnly(204),
  },
  {
    method: 'DELETE',
    path: '/api/admin/alert-team/:userId',
    url: (f) => `/api/admin/alert-team/${f.alerts.memberId}`,
    expect: adminOnly(204),
  },
  {
    method: 'PUT',
    path: '/api/admin/alert-regions',
    body: { regions: [{ code: 'CA-BC', name: 'British Columbia', nameFr: 'Colombie-Britannique' }] },
    expect: adminOnly(200),
  },
];
