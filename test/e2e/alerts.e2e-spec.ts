import { NOTIFICATION_TYPES, type AlertDto, type AlertEvent, type AlertReportDto, type MeDto } from '@harbour/contracts';
import { alertBody, call, HOSTILE_ALERTS, mailbox, parseAtom, tablesHolding } from '../support/alerts';
import { startTestApp, type TestApp } from '../support/app';
import { sweepAlerts } from '../support/canary-alerts';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { PushSink, subscribe } from '../support/push';
import type { Socket } from 'socket.io-client';
import { connectSocket, nextEventWhere } from '../support/sockets';

describe('drug-supply alerts', () => {
  let t: TestApp;
  let admin: TestMember;
  let team: TestMember;
  let outsider: TestMember;
  const sink = new PushSink();

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    team = await newMember(t);
    outsider = await newMember(t, { role: 'moderator' }); // site staff, not on the alert team
    await call(t, 'put', `/api/admin/alert-team/${team.user.id}`, admin).expect(204);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const me = async (member: TestMember) => (await call(t, 'get', '/api/me', member).expect(200)).body as MeDto;
  const publish = async (by: TestMember, overrides: Record<string, unknown> = {}) =>
    (await call(t, 'post', '/api/alerts', by, alertBody(overrides)).expect(201)).body as AlertDto;
  const regions = (member: TestMember, body: object) => call(t, 'put', '/api/me/alert-regions', member, body);

  it('lets admins name the team (logged), tells `me`, and keeps regions to the site’s list, which admins edit', async () => {
    expect([(await me(team)).alertTeam, (await me(admin)).alertTeam, (await me(outsider)).alertTeam]).toEqual([true, true, false]);
    const listed = await call(t, 'get', '/api/admin/alert-team', admin).expect(200);
    expect(listed.body.items.map((item: { user: { id: string } }) => item.user.id)).toEqual([team.user.id]);
    await call(t, 'get', '/api/admin/alert-team', outsider).expect(403);
    await call(t, 'put', `/api/admin/alert-team/${outsider.user.id}`, team).expect(403);
    await call(t, 'put', '/api/admin/alert-team/00000000-0000-4000-8000-000000000000', admin).expect(404);
    const log = await sql(t.databaseUrl, "SELECT actor_id, target_id FROM moderation_log WHERE action = 'alert_team.add'");
    expect(log).toEqual([{ actor_id: admin.user.id, target_id: team.user.id }]);

    const list = (await call(t, 'get', '/api/alerts/regions', null).expect(200)).body.items as { code: string }[];
    expect(list.map((region) => region.code).join(' ')).toBe(
      'CA-AB CA-BC CA-MB CA-NB CA-NL CA-NS CA-NT CA-NU CA-ON CA-PE CA-QC CA-SK CA-YT',
    );
    expect(list[10]).toEqual({ code: 'CA-QC', name: 'Quebec', nameFr: 'Québec' });
    const edit = (who: TestMember, items: object[]) => call(t, 'put', '/api/admin/alert-regions', who, { regions: items });
    await edit(team, list).expect(403);
    const bad = await edit(admin, [{ code: 'ca bc', name: '', nameFr: 'x' }]).expect(400);
    expect(String(bad.body.message)).toMatch(/code[\s\S]*name/);
    await edit(admin, [...list, list[0]!]).expect(400);
    await edit(admin, [...list, { code: 'CA-TEST', name: 'Test region', nameFr: 'Région test' }]).expect(200);
    expect((await call(t, 'get', '/api/alerts/regions', null).expect(200)).body.items).toHaveLength(14);

    expect((await regions(outsider, { regions: ['CA-BC', 'CA-NOPE'] }).expect(400)).body.message).toMatch(/regions.*CA-NOPE/);
    await regions(outsider, { regions: ['CA-QC'], alertsOff: null }).expect(400);
    await regions(outsider, { regions: ['CA-QC', 'CA-TEST'] }).expect(204);
    expect(await me(outsider)).toMatchObject({ alertRegions: ['CA-QC', 'CA-TEST'], alertsOff: false });
  });

  it('refuses hostile or wrong alerts with a 400 naming each field, storing nothing; eight at once are eight', async () => {
    for (const [overrides, fields] of HOSTILE_ALERTS) {
      const response = await call(t, 'post', '/api/alerts', team, alertBody(overrides));
      expect([response.status, overrides]).toEqual([400, overrides]);
      for (const field of fields) expect(String(response.body.message)).toContain(field);
    }
    await call(t, 'post', '/api/alerts', outsider, alertBody()).expect(403);
    await call(t, 'post', '/api/alerts', null, alertBody()).expect(401);
    expect(await sql(t.databaseUrl, 'SELECT id FROM alerts')).toEqual([]);
    const many = await Promise.all(
      Array.from({ length: 8 }, () => call(t, 'post', '/api/alerts', team, alertBody({ regions: ['CA-NU'] }))),
    );
    expect(many.map((response) => response.status)).toEqual(Array(8).fill(201));
    await Promise.all(many.map((response) => call(t, 'post', `/api/alerts/${response.body.id}/retract`, team).expect(204)));
  });

  it('reaches subscribers at once by socket, email in their language and push — past mutes and digests, never past an unsubscribe', async () => {
    const [english, french, quiet, off, elsewhere, discreet] = await Promise.all(Array.from({ length: 6 }, () => newMember(t)));
    await call(t, 'patch', '/api/me', french!, { locale: 'fr' }).expect(200);
    await call(t, 'patch', '/api/me', discreet!, { discreet: true }).expect(200);
    await call(t, 'patch', '/api/notifications/preferences', discreet!, { pushDetails: true }).expect(200);
    // Every notification off and a weekly digest: alerts still come at once.
    const none = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, 'none']));
    await call(t, 'patch', '/api/notifications/preferences', quiet!, { deliveries: none, digest: 'weekly' }).expect(200);
    await call(t, 'patch', '/api/notifications/preferences', english!, { pushDetails: true }).expect(200);
    for (const member of [english!, french!, quiet!, discreet!]) await regions(member, { regions: ['CA-BC'] }).expect(204);
    await regions(off!, { regions: ['CA-BC'], alertsOff: true }).expect(204);
    await regions(elsewhere!, { regions: ['CA-ON'] }).expect(204);
    await subscribe(t, quiet!, sink.device('quiet-phone'));
    await subscribe(t, off!, sink.device('off-phone'));
    await subscribe(t, english!, sink.device('detailed-phone'));
    await subscribe(t, discreet!, sink.device('discreet-phone'));

    const sockets = await Promise.all([quiet!, off!, elsewhere!].map((member) => connectSocket(t.baseUrl, { token: member.token })));
    const heard: string[] = [];
    sockets[1]!.on('alert', () => heard.push('off'));
    sockets[2]!.on('alert', () => heard.push('elsewhere'));
    const live = nextEventWhere<AlertEvent>(sockets[0]!, 'alert', (event) => event.change === 'created');
    const alert = await publish(team);
    expect(alert).toMatchObject({
      title: alertBody().title,
      regions: ['CA-BC'],
      active: true,
      retractedAt: null,
      can: { edit: true, retract: true },
    });
    expect(JSON.stringify(alert)).not.toContain(team.user.id);
    expect((await live).alert).toMatchObject({ id: alert.id, can: { edit: false, retract: false } });

    const mail = mailbox(t);
    await mail.arrived(english!, 1);
    const [first] = mail.to(english!);
    expect(first!.subject).toContain('Drug-supply alert: Fentanyl found in "blue" pills');
    expect([first!.text, first!.html]).toEqual([
      expect.stringContaining('British Columbia'),
      expect.stringContaining('oxycodone &lt;M30&gt;'),
    ]);
    expect(first!.text).not.toContain(team.user.username);
    expect(mail.to(french!)[0]!.subject).toContain('Fentanyl trouvé dans des comprimés');
    expect(mail.to(french!)[0]!.text).toContain('Colombie-Britannique');
    expect([mail.to(quiet!).length, mail.to(off!).length, mail.to(elsewhere!).length]).toEqual([1, 0, 0]);
    const tag = `alert-${alert.id}`;
    expect(await sink.waitFor('quiet-phone', 1)).toEqual([{ title: 'New drug-supply alert', body: '', url: `/alerts/${alert.id}`, tag }]);
    const detailed = {
      title: 'Danger: Fentanyl found in "blue" pills',
      body: 'counterfeit oxycodone <M30>',
      url: `/alerts/${alert.id}`,
      tag,
    };
    expect(await sink.waitFor('detailed-phone', 1)).toEqual([detailed]);
    expect([sink.to('off-phone'), heard]).toEqual([[], []]);
    // Discreet mode: neither the push (details on or not) nor the email says what the site or the alert is about.
    const neutral = { title: 'You have new activity', body: '', url: '/notifications', tag: 'activity' };
    expect(await sink.waitFor('discreet-phone', 1)).toEqual([neutral]);
    const [quietMail] = mail.to(discreet!);
    expect(quietMail!.subject).toBe('You have new activity');
    expect(quietMail!.text + quietMail!.html).not.toMatch(/Fentanyl|oxycodone|alert|Harbour/i);

    // The one-click link of the email turns alerts off: the next alert reaches it by no way at all.
    const link = mail.to(quiet!)[0]!.rawHeaders.get('list-unsubscribe') ?? '';
    const token = decodeURIComponent(/\/api\/alerts\/unsubscribe\?token=([^>]+)/.exec(link)![1]!);
    await call(t, 'post', `/api/alerts/unsubscribe?token=${encodeURIComponent(`${token}x`)}`, null).expect(400);
    // As a mail client sends it (RFC 8058): a tiny form to the link's address.
    await t
      .http()
      .post(`/api/alerts/unsubscribe?token=${encodeURIComponent(token)}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(await me(quiet!)).toMatchObject({ alertsOff: true, alertRegions: ['CA-BC'] });
    sockets[0]!.on('alert', () => heard.push('quiet'));
    const second = await publish(team, { titleFr: undefined, bodyFr: undefined });
    await mail.arrived(french!, 2);
    expect(mail.to(french!)[1]!.subject).toContain(second.title); // no French text: the English one
    expect([mail.to(quiet!).length, sink.to('quiet-phone').length]).toEqual([1, 1]);

    // An edit is heard live; a retraction live and by email, in each language.
    const edited = nextEventWhere<AlertEvent>(sockets[2]!, 'alert', () => true, 1000).catch(() => null);
    const patched = await call(t, 'patch', `/api/alerts/${second.id}`, admin, { severity: 'warning', appearance: null }).expect(200);
    expect(patched.body).toMatchObject({ severity: 'warning', appearance: null, titleFr: null });
    await call(t, 'patch', `/api/alerts/${second.id}`, team, { title: null }).expect(400);
    await call(t, 'patch', `/api/alerts/${second.id}`, outsider, { severity: 'info' }).expect(403);
    await call(t, 'post', `/api/alerts/${alert.id}/retract`, outsider).expect(403);
    await call(t, 'post', `/api/alerts/${alert.id}/retract`, team).expect(204);
    await call(t, 'post', `/api/alerts/${alert.id}/retract`, team).expect(204);
    await mail.arrived(english!, 3);
    await mail.arrived(french!, 3);
    expect(mail.to(english!)[2]!.subject).toContain('Alert withdrawn');
    expect(mail.to(french!)[2]!.subject).toContain('Alerte retirée');
    expect(mail.to(english!)).toHaveLength(3); // the second retract told nobody again
    const retracted = (await call(t, 'get', `/api/alerts/${alert.id}`, null).expect(200)).body as AlertDto;
    expect(retracted).toMatchObject({ active: false, retractedAt: expect.any(String), can: { edit: false, retract: false } });
    await call(t, 'patch', `/api/alerts/${alert.id}`, team, { title: 'again' }).expect(409);
    expect(await edited).toBeNull(); // CA-ON heard nothing of a CA-BC alert
    expect(heard).toEqual([]);
    for (const socket of sockets) socket.close();
  });

  it('lists and feeds active alerts by region (cursor pages; expired and retracted drop out), behind the login setting', async () => {
    const a = await publish(team, { regions: ['CA-YT'], title: 'Yukon one' });
    const b = await publish(team, { regions: ['CA-YT', 'CA-NT'], title: 'Yukon <two> & "more"' });
    const gone = await publish(team, { regions: ['CA-YT'], title: 'Yukon expired' });
    await sql(t.databaseUrl, "UPDATE alerts SET expires_at = now() - interval '1 minute' WHERE id = $1", [gone.id]);
    const page = (query: string) => call(t, 'get', `/api/alerts?${query}`, null);
    const first = await page('region=CA-YT&active=true&limit=1').expect(200);
    expect(first.body.items.map((item: AlertDto) => item.id)).toEqual([b.id]);
    const next = await page(`region=CA-YT&active=true&limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(next.body).toEqual({ items: [expect.objectContaining({ id: a.id, can: { edit: false, retract: false } })], nextCursor: null });
    const all = (await page('region=CA-YT').expect(200)).body.items as AlertDto[];
    expect(all.map((item) => [item.id, item.active])).toEqual([
      [gone.id, false],
      [b.id, true],
      [a.id, true],
    ]);
    for (const query of ['region=ca%20yt', 'region=CA-NOPE', 'active=yes', 'cursor=junk', 'limit=1000', 'region=%00']) {
      expect([query, (await page(query)).status]).toEqual([query, 400]);
    }

    const feed = await call(t, 'get', '/api/alerts/feed.atom?region=CA-YT', null).expect(200);
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(parseAtom(feed.text)).toEqual({
      root: 'feed xmlns=http://www.w3.org/2005/Atom',
      titles: ['Danger: Yukon <two> & "more"', 'Danger: Yukon one'],
    });
    expect(feed.text).not.toContain(team.user.username);
    await call(t, 'get', '/api/alerts/feed.atom?region=XX-NOPE', null).expect(400);

    await call(t, 'patch', '/api/admin/settings', admin, { loginRequired: true }).expect(200);
    await page('').expect(401);
    await call(t, 'get', '/api/alerts/feed.atom', null).expect(401);
    await call(t, 'get', `/api/alerts/${a.id}`, null).expect(404);
    await call(t, 'get', `/api/alerts/${a.id}`, outsider).expect(200);
    await call(t, 'patch', '/api/admin/settings', admin, { loginRequired: false }).expect(200);
  });

  it('takes anonymous reports leaving no trace of the reporter, rate-limited; the team reads them and answers with fromReportId', async () => {
    const from = (address: string, body: object, agent = 'ReporterBrowser/9.1') =>
      t.http().post('/api/alerts/reports').set('X-Forwarded-For', address).set('User-Agent', agent).send(body);
    const report = { region: 'CA-BC', substance: 'down', description: 'Friend went out after a half point; purple.' };
    await call(t, 'patch', '/api/admin/settings', admin, { rateLimits: { flagsPerDay: 5 } }).expect(200); // test sites run without
    const sent = await from('198.51.100.77', { ...report, contact: 'signal: +1 555 0100' }, 'ReporterBrowser/9.1 (agent-7c1f)').expect(202);
    expect(sent.headers['set-cookie']).toBeUndefined();
    // Every text of every row of every table (the job queue's too): neither the address nor the browser.
    expect(await tablesHolding(t.databaseUrl, ['198.51.100.77', 'agent-7c1f'])).toEqual([]);
    for (let i = 1; i < 5; i++) await from('198.51.100.77', { ...report, description: `report ${i}` }).expect(202);
    const limited = await from('198.51.100.77', report).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await from('198.51.100.78', report).expect(202); // someone else
    const nul = await from('198.51.100.79', { ...report, substance: 'x\u0000' }).expect(400);
    expect(nul.body.message).toEqual(expect.stringContaining('substance'));
    const nulls = await from('198.51.100.79', { ...report, description: null, contact: null }).expect(400);
    expect(String(nulls.body.message)).toMatch(/description[\s\S]*contact|contact[\s\S]*description/);
    expect(String((await from('198.51.100.79', { ...report, region: 'CA-NOPE' }).expect(400)).body.message)).toContain('region');

    await call(t, 'get', '/api/alerts/reports', null).expect(401);
    await call(t, 'get', '/api/alerts/reports', outsider).expect(403);
    const reports = (await call(t, 'get', '/api/alerts/reports?status=open&limit=100', team).expect(200)).body.items as AlertReportDto[];
    expect(reports).toHaveLength(6);
    const withContact = reports.find((item) => item.contact !== null)!;
    expect(withContact).toMatchObject({
      region: 'CA-BC',
      substance: 'down',
      contact: 'signal: +1 555 0100',
      status: 'open',
      alertId: null,
    });
    const dismissed = reports.find((item) => item.contact === null)!;
    await call(t, 'post', `/api/alerts/reports/${dismissed.id}/dismiss`, outsider).expect(403);
    await call(t, 'post', `/api/alerts/reports/${dismissed.id}/dismiss`, team).expect(204);
    await call(t, 'post', '/api/alerts/reports/00000000-0000-4000-8000-000000000000/dismiss', team).expect(404);
    const alert = await publish(team, { fromReportId: withContact.id });
    await call(t, 'post', '/api/alerts', team, alertBody({ fromReportId: withContact.id })).expect(409);
    await call(t, 'post', '/api/alerts', team, alertBody({ fromReportId: dismissed.id })).expect(409);
    const closed = await call(t, 'get', '/api/alerts/reports?status=closed', admin).expect(200);
    expect(closed.body.items).toEqual([expect.objectContaining({ id: withContact.id, status: 'closed', alertId: alert.id })]);
    // The contact never leaves the team: not in the alert, the list, nor the feed.
    const seen = await Promise.all(
      ['/api/alerts/' + alert.id, '/api/alerts', '/api/alerts/feed.atom'].map((url) => call(t, 'get', url, null)),
    );
    expect(seen.map((response) => response.text).join()).not.toContain('555 0100');
  });

  // The canary: what the team alone may know (a reporter's contact, who is on the team) reaches nobody else.
  it('never shows a report’s contact, nor names the alert team, to a subscribed outsider or a visitor by route, socket or email', async () => {
    const sockets: Socket[] = [];
    try {
      expect(await sweepAlerts(t, { admin, outsider: await newMember(t) }, sockets)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
