import type { Alert } from './alert.entity';
import { alertFeed, xmlText } from './alert-feed';

const alert = (overrides: Partial<Alert> = {}): Alert =>
  Object.assign(
    {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'Pills <M30> & "more"',
      titleFr: null,
      body: 'Bell \u0007 and tab\tstay out of XML; the tab stays.',
      bodyFr: null,
      substance: 'oxycodone',
      appearance: null,
      testResult: null,
      severity: 'danger',
      regions: ['CA-BC'],
      expiresAt: new Date('2027-01-01T00:00:00Z'),
      createdAt: new Date('2026-12-01T00:00:00Z'),
      updatedAt: new Date('2026-12-02T00:00:00Z'),
      retractedAt: null,
      authorId: '00000000-0000-4000-8000-0000000000aa',
    },
    overrides,
  );

describe('the alerts Atom feed', () => {
  it('escapes markup and drops the characters XML cannot carry', () => {
    expect(xmlText(`a<b>&"c"'d'\u0000\u0008\u000b\ufffe\t\n`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;\t\n');
  });

  it('names the site, never the writer, and updates with its newest alert', () => {
    const feed = alertFeed({
      publicUrl: 'https://harbour.example',
      siteName: 'Harbour & co',
      region: { code: 'CA-BC', name: 'British Columbia', nameFr: 'Colombie-Britannique' },
      alerts: [alert()],
      regionNames: new Map([['CA-BC', 'British Columbia']]),
    });
    expect(feed).toContain('<title>Harbour &amp; co: drug-supply alerts (British Columbia)</title>');
    expect(feed).toContain('<title>Danger: Pills &lt;M30&gt; &amp; &quot;more&quot;</title>');
    expect(feed).toContain('<updated>2026-12-02T00:00:00.000Z</updated>');
    expect(feed).toContain('href="https://harbour.example/api/alerts/feed.atom?region=CA-BC"');
    expect(feed).toContain('<author><name>Harbour &amp; co</name></author>');
    expect(feed).not.toContain('0000000000aa');
    expect(feed).not.toContain('\u0007');
  });
});
