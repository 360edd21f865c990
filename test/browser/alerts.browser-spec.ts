import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AlertDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, signIn as signInAs, watchOffHostRequests, type TestBrowser, WEB_DIR } from '../support/browser';
import { newMember, newSite, type TestMember } from '../support/factories';

// axe-core comes with eslint-plugin-jsx-a11y, evaluated from disk through the DevTools protocol (see lists).
const AXE = readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(AXE);
  const violations = await page.evaluate<{ id: string; nodes: { target: string[] }[] }[]>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const noSideScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

/** Resolves once the page's Socket.IO connection is open (the server's CONNECT packet, `40…`, has arrived). */
function socketConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => String(frame.payload).startsWith('40') && resolve()));
  });
}

/** A day `days` from now, as a date input takes it. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('drug-supply alerts in the browser', () => {
  let t: TestApp;
  let b: TestBrowser;
  let team: TestMember;
  let sam: TestMember;
  /** Sam's and Nadia's pages (a member, and the alert team), each signed in once and used by the tests in turn. */
  let member: Page;
  let writer: Page;
  const offHost: string[] = [];

  beforeAll(async () => {
    [t, b] = await Promise.all([startTestApp({ webDir: WEB_DIR }), launchBrowser()]);
    await newSite(t);
    team = await newMember(t, { username: 'nadia_team' });
    sam = await newMember(t, { username: 'sam' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const signIn = async (username: string, width?: number) =>
    watchOffHostRequests(await signInAs(b, t.baseUrl, username, width), t.baseUrl, offHost);

  it('an admin names the alert team; a member picks a region, the team publishes an alert and the member sees it at once; dismissed, then retracted', async () => {
    const adminPage = await signIn('site_admin', 360);
    await adminPage.getByRole('link', { name: 'Drug alerts' }).click();
    await adminPage.getByRole('link', { name: 'Alert team and regions' }).click();
    await adminPage.getByText('No member named yet: only admins write alerts.').waitFor();
    await adminPage.getByLabel('Username of the member to add').fill('nadia_team');
    await adminPage.getByRole('button', { name: 'Add to the team' }).click();
    await adminPage.getByRole('button', { name: 'Take nadia_team off the team' }).waitFor();
    await adminPage.getByRole('group', { name: 'Region 13' }).getByLabel('Name in French').waitFor();
    expect(await axeViolations(adminPage)).toEqual([]);
    expect(await noSideScroll(adminPage)).toBe(true);
    await adminPage.context().close();

    member = await signIn('sam', 360);
    const connected = socketConnected(member);
    await member.goto(`${t.baseUrl}/settings/notifications`);
    const follow = member.getByRole('group', { name: 'Regions to follow' });
    await follow.getByLabel('British Columbia').check();
    await member.getByRole('button', { name: 'Save regions' }).click();
    await member.getByText('Saved.').waitFor();
    await connected;

    writer = await signIn('nadia_team', 360);
    await writer.getByRole('link', { name: 'Drug alerts' }).click();
    await writer.getByRole('heading', { name: 'Drug-supply alerts' }).waitFor();
    await writer.getByRole('link', { name: 'Write an alert' }).click();
    await writer.getByRole('heading', { name: 'Write an alert' }).waitFor();
    await writer.getByLabel('Title', { exact: true }).fill('Fentanyl found in “down” sold as heroin');
    await writer.getByLabel('Substance').fill('Heroin (sold as), fentanyl and xylazine found');
    await writer.getByLabel('Appearance').fill('Purple rock, small zip bags');
    await writer.getByLabel('Drug-checking result').fill('FTIR and test strip: fentanyl, xylazine');
    await writer.getByLabel('Effects and advice', { exact: true }).fill('Long blackouts. Carry naloxone, do not use alone.');
    await writer.getByLabel('Title in French').fill('Fentanyl trouvé dans du « down » vendu comme héroïne');
    await writer.getByLabel('Effects and advice in French').fill('Longues pertes de conscience. Ayez de la naloxone.');
    await writer.getByRole('group', { name: 'Severity' }).getByLabel('Danger').check();
    await writer.getByRole('group', { name: 'Regions' }).getByLabel('British Columbia').check();
    await writer.getByLabel('In effect until').fill(dayFromNow(10));
    expect(await axeViolations(writer)).toEqual([]);
    expect(await noSideScroll(writer)).toBe(true);
    await writer.getByRole('button', { name: 'Publish the alert' }).click();
    await writer.getByRole('heading', { name: 'Fentanyl found in “down” sold as heroin' }).waitFor();
    await writer.getByText('FTIR and test strip: fentanyl, xylazine').waitFor();

    // The member, on another page, without reloading: announced, severity in words, linking to the alert.
    const banner = member.getByRole('region', { name: 'Drug-supply alerts' }).getByRole('alert');
    await banner.getByText('Danger').waitFor();
    await banner.getByRole('link', { name: 'Fentanyl found in “down” sold as heroin' }).waitFor();
    expect(await noSideScroll(member)).toBe(true);
    // One axe run for the banner and the region choice under it (the member is still on the settings page).
    expect(await axeViolations(member)).toEqual([]);
    await banner.getByRole('button', { name: 'Dismiss: Fentanyl found in “down” sold as heroin' }).click();
    await banner.waitFor({ state: 'detached' });
    // Dismissed on this device: the next page does not bring it back, though it is still in effect in their region.
    const reconnected = socketConnected(member);
    await member.goto(`${t.baseUrl}/settings/notifications`);
    await member.getByRole('heading', { name: 'Drug-supply alerts' }).waitFor();
    expect(await member.getByRole('alert').count()).toBe(0);
    await reconnected;

    await writer.getByRole('button', { name: 'Retract', exact: true }).click();
    await writer
      .getByRole('dialog', { name: 'Retract “Fentanyl found in “down” sold as heroin”?' })
      .getByRole('button', { name: 'Retract the alert' })
      .click();
    await writer.getByText(/The alert team retracted this alert on/).waitFor();
    expect(await writer.getByRole('button', { name: 'Retract', exact: true }).count()).toBe(0);
    await member.getByRole('status').filter({ hasText: 'Alert retracted: Fentanyl found in “down” sold as heroin' }).waitFor();
    expect(offHost).toEqual([]);
  });

  it('a visitor reads the public alerts in French, by region, with each region’s Atom feed', async () => {
    const quebec = (
      await t
        .http()
        .post('/api/alerts')
        .set(team.auth)
        .send({
          title: 'Nitazenes in pressed “oxy” pills',
          titleFr: 'Nitazènes dans des comprimés « oxy » contrefaits',
          body: 'Very strong. Start low.',
          bodyFr: 'Très puissant. Commencez par une petite dose.',
          substance: 'Oxycodone (sold as), protonitazene',
          severity: 'warning',
          regions: ['CA-QC'],
          expiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        })
        .expect(201)
    ).body as AlertDto;

    const page = watchOffHostRequests(await (await b.newContext({ locale: 'fr-CA', width: 360 })).newPage(), t.baseUrl, offHost);
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('link', { name: 'Alertes drogues' }).click();
    await page.getByRole('heading', { name: 'Alertes sur les drogues' }).waitFor();
    const list = page.getByRole('list', { name: 'Alertes : Toutes les régions' });
    await list.getByRole('link', { name: 'Nitazènes dans des comprimés « oxy » contrefaits' }).waitFor();
    await list.getByText('Avertissement').waitFor();
    // The retracted alert is not in effect: only with the past ones.
    expect(await list.getByText(/Fentanyl/).count()).toBe(0);
    // Guests see no team tools.
    expect(await page.getByRole('link', { name: 'Rédiger une alerte' }).count()).toBe(0);

    await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Colombie-Britannique' });
    await page.getByText('Aucune alerte en vigueur').waitFor();
    await page.getByLabel('Aussi les alertes passées (expirées ou retirées)').check();
    const past = page.getByRole('list', { name: 'Alertes : Colombie-Britannique' });
    await past.getByRole('link', { name: 'Fentanyl trouvé dans du « down » vendu comme héroïne' }).waitFor();
    await past.getByText('Retirée', { exact: true }).waitFor();
    expect(page.url()).toContain('region=CA-BC');

    await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Québec' });
    await page.getByLabel('Aussi les alertes passées (expirées ou retirées)').uncheck();
    const feed = page.getByRole('link', { name: 'Flux Atom : Québec' });
    expect(await feed.getAttribute('href')).toBe('/api/alerts/feed.atom?region=CA-QC');
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe(
      '/api/alerts/feed.atom?region=CA-QC',
    );
    const atom = await page.request.get(`${t.baseUrl}/api/alerts/feed.atom?region=CA-QC`);
    expect(atom.headers()['content-type']).toContain('application/atom+xml');
    expect(await atom.text()).toContain(quebec.id);
    expect(await noSideScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nitazènes dans des comprimés « oxy » contrefaits' }).click();
    await page.getByRole('heading', { name: 'Nitazènes dans des comprimés « oxy » contrefaits' }).waitFor();
    await page.getByText('Très puissant. Commencez par une petite dose.').waitFor();
    await page.getByText('Oxycodone (sold as), protonitazene').waitFor();
    await page.getByText('Québec', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Retirer', exact: true }).count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(offHost).toEqual([]);
  });

  it('a visitor reports a bad batch without an account; the team makes it an alert from the queue', async () => {
    const visitor = watchOffHostRequests(await (await b.newContext({ width: 360 })).newPage(), t.baseUrl, offHost);
    await visitor.goto(`${t.baseUrl}/alerts`);
    await visitor.getByRole('link', { name: 'Report a bad batch' }).click();
    await visitor.getByRole('heading', { name: 'Report a bad batch' }).waitFor();
    await visitor.getByText('Nothing about you is kept beyond what you write here', { exact: false }).waitFor();
    await visitor.getByLabel('Region').selectOption({ label: 'Manitoba' });
    await visitor.getByLabel('Substance').fill('Crystal meth, pink tint');
    await visitor.getByLabel('What happened').fill('Three people had seizures after smoking it near Main and Higgins.');
    const contact = visitor.getByLabel('A way to reach you (optional)');
    expect(await contact.getAttribute('aria-describedby')).toBeTruthy();
    await contact.fill('signal: pinkcheck');
    expect(await noSideScroll(visitor)).toBe(true);
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByRole('button', { name: 'Send the report' }).click();
    await visitor.getByText('Thank you. The alert team will look at it', { exact: false }).waitFor();

    // Sam's alert email (the first test's alert, in his region) stops every alert with one button, signed in or not.
    const mail = await t.smtp!.waitFor('sam@example.org');
    const token = /\/alerts\/unsubscribe\?token=([A-Za-z0-9_%.-]+)/.exec(mail.text)?.[1] ?? '';
    await visitor.goto(`${t.baseUrl}/alerts/unsubscribe?token=${token}`);
    await visitor.getByRole('heading', { name: 'Stop drug-supply alerts' }).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.getByRole('button', { name: 'Stop alerts' }).click();
    await visitor.getByText('Done: no alert will reach you.', { exact: false }).waitFor();
    expect((await t.http().get('/api/me').set(sam.auth).expect(200)).body.alertsOff).toBe(true);

    await writer.goto(`${t.baseUrl}/alerts`);
    await writer.getByRole('link', { name: 'Reports to review' }).click();
    const queue = writer.getByRole('list', { name: 'Reports of bad batches' });
    const item = queue.getByRole('listitem', { name: 'Crystal meth, pink tint · Manitoba' });
    await item.getByText('Three people had seizures').waitFor();
    await item.getByText('signal: pinkcheck').waitFor();
    expect(await noSideScroll(writer)).toBe(true);
    expect(await axeViolations(writer)).toEqual([]);
    await item.getByRole('link', { name: 'Make an alert' }).click();
    await writer.getByRole('heading', { name: 'Write an alert' }).waitFor();
    expect(await writer.getByLabel('Substance').inputValue()).toBe('Crystal meth, pink tint');
    expect(await writer.getByRole('group', { name: 'Regions' }).getByLabel('Manitoba').isChecked()).toBe(true);
    await writer.getByLabel('Title', { exact: true }).fill('Seizures after pink-tinted meth');
    await writer.getByRole('button', { name: 'Publish the alert' }).click();
    await writer.getByRole('heading', { name: 'Seizures after pink-tinted meth' }).waitFor();
    // Edited: every field comes back as written (the empty optional ones stay empty).
    await writer.getByRole('link', { name: 'Edit' }).click();
    await writer.getByRole('heading', { name: 'Edit the alert' }).waitFor();
    expect(await writer.getByLabel('Title', { exact: true }).inputValue()).toBe('Seizures after pink-tinted meth');
    await writer.getByLabel('Title', { exact: true }).fill('Seizures after pink-tinted crystal meth');
    await writer.getByRole('button', { name: 'Save changes' }).click();
    await writer.getByRole('heading', { name: 'Seizures after pink-tinted crystal meth' }).waitFor();

    await writer.goto(`${t.baseUrl}/alerts/reports`);
    await writer.getByText('No report waiting').waitFor();
    const closed = await t.http().get('/api/alerts/reports?status=closed').set(team.auth).expect(200);
    expect(closed.body.items).toHaveLength(1);
    // A member off the team finds no queue; a report they send carries no session (it cannot be tied to them).
    await member.goto(`${t.baseUrl}/alerts/reports`);
    await member.getByRole('heading', { name: 'This page does not exist.' }).waitFor();
    await member.goto(`${t.baseUrl}/alerts/report`);
    await member.getByLabel('Region').selectOption({ label: 'British Columbia' });
    await member.getByLabel('Substance').fill('Benzodiazepine-cut fentanyl');
    await member.getByLabel('What happened').fill('Hard to wake with naloxone.');
    const sent = member.waitForRequest((request) => request.url().endsWith('/api/alerts/reports'));
    await member.getByRole('button', { name: 'Send the report' }).click();
    expect((await (await sent).allHeaders()).cookie).toBeUndefined();
    await member.getByText('Thank you. The alert team will look at it', { exact: false }).waitFor();
    expect(offHost).toEqual([]);
  });
});
