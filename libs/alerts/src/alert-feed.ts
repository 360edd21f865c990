import type { AlertRegionDto } from '@harbour/contracts';
import type { Alert } from './alert.entity';

/** Whether XML 1.0 can carry the character at all (escaping does not help): tab, newlines, no other controls. */
function xmlCarries(code: number): boolean {
  return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
}

/** Text for an XML element or attribute. */
export function xmlText(text: string): string {
  return [...text]
    .filter((character) => xmlCarries(character.codePointAt(0) ?? 0))
    .join('')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export interface AlertFeedInput {
  publicUrl: string;
  siteName: string;
  region: AlertRegionDto | null;
  alerts: Alert[];
  /** Region names by code, for the entries' text. */
  regionNames: ReadonlyMap<string, string>;
}

const SEVERITY = { info: 'Information', warning: 'Warning', danger: 'Danger' } as const;

/**
 * The Atom feed (RFC 4287) of active alerts, of one region or all: one entry per alert, its text in English
 * (with the French after it when there is one). The feed is signed by the site, never by a team member.
 */
export function alertFeed(input: AlertFeedInput): string {
  const { publicUrl, siteName, region, alerts } = input;
  const self = `${publicUrl}/api/alerts/feed.atom${region ? `?region=${encodeURIComponent(region.code)}` : ''}`;
  const updated = alerts.reduce((latest, alert) => Math.max(latest, alert.updatedAt.getTime()), 0);
  const title = `${siteName}: drug-supply alerts${region ? ` (${region.name})` : ''}`;
  const entries = alerts.map((alert) => {
    const facts = [
      `Substance: ${alert.substance}`,
      ...(alert.appearance ? [`Appearance: ${alert.appearance}`] : []),
      ...(alert.testResult ? [`Test result: ${alert.testResult}`] : []),
      `Regions: ${alert.regions.map((code) => input.regionNames.get(code) ?? code).join(', ')}`,
      `Until: ${alert.expiresAt.toISOString()}`,
    ];
    const text = [alert.body, facts.join('\n'), ...(alert.bodyFr ? [`${alert.titleFr ?? alert.title}\n\n${alert.bodyFr}`] : [])].join(
      '\n\n',
    );
    return [
      '  <entry>',
      `    <id>urn:uuid:${alert.id}</id>`,
      `    <title>${xmlText(`${SEVERITY[alert.severity]}: ${alert.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(`${publicUrl}/alerts/${alert.id}`)}"/>`,
      `    <published>${alert.createdAt.toISOString()}</published>`,
      `    <updated>${alert.updatedAt.toISOString()}</updated>`,
      ...alert.regions.map((code) => `    <category term="${xmlText(code)}"/>`),
      `    <content type="text">${xmlText(text)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(self)}</id>`,
    `  <title>${xmlText(title)}</title>`,
    `  <updated>${new Date(updated || Date.now()).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${publicUrl}/alerts`)}"/>`,
    `  <author><name>${xmlText(siteName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
