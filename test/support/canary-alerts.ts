import type { Socket } from 'socket.io-client';
import type { AlertReportDto } from '@harbour/contracts';
import { alertBody, call } from './alerts';
import type { TestApp } from './app';
import { queuesIdle } from './database';
import { newMember, type TestMember } from './factories';
import { connectSocket } from './sockets';

/**
 * Drug-supply alerts in the canary sweep: a report of a bad batch whose `contact` carries a canary word, and an
 * alert the team publishes from it, by a team member whose name is a second word. The contact is the alert team's
 * alone and the team is never named publicly: neither word may reach a subscribed outsider or a visitor by any
 * alert route, socket or email. Answers what leaked (nothing, or the sweep failed).
 */
export async function sweepAlerts(t: TestApp, who: { admin: TestMember; outsider: TestMember }, sockets: Socket[]): Promise<string[]> {
  const word = `alertcanary${Math.random().toString(36).slice(2, 10)}`;
  const team = await newMember(t, { username: `volunteer_${Math.random().toString(36).slice(2, 10)}` });
  await call(t, 'put', `/api/admin/alert-team/${team.user.id}`, who.admin).expect(204);
  await call(t, 'put', '/api/me/alert-regions', who.outsider, { regions: ['CA-BC'] }).expect(204);
  const socket = await connectSocket(t.baseUrl, { token: who.outsider.token });
  sockets.push(socket);
  const heard: string[] = [];
  socket.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));

  await call(t, 'post', '/api/alerts/reports', null, {
    region: 'CA-BC',
    substance: 'down',
    description: 'purple',
    contact: `ask for ${word}`,
  }).expect(202);
  const queue = (await call(t, 'get', '/api/alerts/reports?status=open', team).expect(200)).body.items as AlertReportDto[];
  const report = queue.find((item) => item.contact?.includes(word));
  if (!report) return ['the team does not see the report (the sweep would prove nothing)'];
  const alert = (await call(t, 'post', '/api/alerts', team, alertBody({ fromReportId: report.id })).expect(201)).body as { id: string };
  const alertMail = () =>
    t.smtp!.messages.find((mail) => mail.to.includes(who.outsider.user.email) && mail.subject.includes(alertBody().title as string));
  while (!alertMail()) await new Promise((resolve) => setTimeout(resolve, 20));
  await queuesIdle(t, ['mail.send', 'alerts.push']);
  if (!heard.some((line) => line.startsWith('alert '))) return ['the outsider heard no alert (the sweep would prove nothing)'];

  const urls = [
    '/api/alerts',
    '/api/alerts?region=CA-BC&active=true',
    `/api/alerts/${alert.id}`,
    '/api/alerts/feed.atom',
    '/api/alerts/feed.atom?region=CA-BC',
    '/api/alerts/regions',
    '/api/alerts/reports',
    '/api/admin/alert-team',
    '/api/me',
  ];
  const seen: string[] = [];
  for (const reader of [who.outsider, null]) {
    for (const url of urls) seen.push(`${url} ${(await call(t, 'get', url, reader)).text}`);
  }
  seen.push(...heard, ...t.smtp!.messages.filter((mail) => mail.to.includes(who.outsider.user.email)).map((mail) => mail.text + mail.html));
  return seen.filter((text) => text.includes(word) || text.includes(team.user.username) || text.includes(team.user.id));
}
