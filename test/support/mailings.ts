import type { MailingDto, SubscriberImportReportDto } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

/** The network's postal address, which CASL requires before any mailing goes out. */
export const MAILING_ADDRESS = '123 Rue Example, Montréal QC H2X 1Y4';

export async function setMailingSender(t: TestApp, admin: TestMember, name = 'Harm Reduction Network'): Promise<void> {
  await t
    .http()
    .patch('/api/admin/settings')
    .set(admin.auth)
    .send({ mailingSenderName: name, mailingAddress: MAILING_ADDRESS })
    .expect(200);
}

/** Posts a CSV import as the admin; the status is the caller's to check. */
export function postCsv(t: TestApp, admin: TestMember, csv: string) {
  return t.http().post('/api/mailing/subscribers/import').set(admin.auth).set('Content-Type', 'text/csv').send(csv);
}

/** Imports addresses (all express consent, given in January) and returns the report. */
export async function importSubscribers(
  t: TestApp,
  admin: TestMember,
  rows: { email: string; locale?: string }[],
): Promise<SubscriberImportReportDto> {
  const lines = rows.map((r) => `${r.email},${r.locale ?? 'en'},test import,2026-01-15`);
  const response = await postCsv(t, admin, ['email,locale,consent_source,consent_at', ...lines].join('\n')).expect(200);
  return response.body as SubscriberImportReportDto;
}

export async function newMailing(t: TestApp, admin: TestMember, fields: Record<string, unknown> = {}): Promise<MailingDto> {
  const response = await t
    .http()
    .post('/api/mailings')
    .set(admin.auth)
    .send({ subject: 'Network news', body: 'Hello **everyone**.', audience: 'subscribers', ...fields })
    .expect(201);
  return response.body as MailingDto;
}

/** Polls a mailing until `done` holds (the worker sends in the background). */
export async function waitForMailing(
  t: TestApp,
  admin: TestMember,
  id: string,
  done: (m: MailingDto) => boolean,
  timeoutMs = 30000,
): Promise<MailingDto> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mailing = (await t.http().get(`/api/mailings/${id}`).set(admin.auth).expect(200)).body as MailingDto;
    if (done(mailing)) return mailing;
    if (Date.now() > deadline) throw new Error(`mailing ${id} is still ${mailing.status} (${mailing.sent}/${mailing.total} sent)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token of the first link in a message that leads to `path`. */
export function tokenFrom(text: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_%.-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${text}`);
  return decodeURIComponent(match[1]);
}
