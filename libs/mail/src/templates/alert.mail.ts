import type { AlertSeverity, Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml, memberMail, type UnsubscribeLinks } from './layout';

/** What an alert email says: the alert in the member's language (its French text when it has one). */
export interface AlertMailInput extends UnsubscribeLinks {
  to: string;
  locale: Locale;
  siteName: string;
  change: 'created' | 'retracted';
  title: string;
  body: string;
  substance: string;
  appearance: string | null;
  testResult: string | null;
  severity: AlertSeverity;
  /** The regions' names in the member's language. */
  regions: string[];
  expiresAt: Date;
  /** The alert's page. */
  link: string;
}

const WORDS = {
  en: {
    severity: { info: 'Information', warning: 'Warning', danger: 'Danger' },
    created: 'Drug-supply alert',
    retracted: 'Alert withdrawn',
    retractedIntro: 'This alert has been withdrawn by the alert team: the warning below no longer stands.',
    substance: 'Substance',
    appearance: 'Appearance',
    testResult: 'Test result',
    regions: 'Regions',
    until: 'Until',
    open: 'Read the alert',
    stop: 'Stop alert emails (and all alerts)',
    choose: 'Choose your alert regions',
  },
  fr: {
    severity: { info: 'Information', warning: 'Avertissement', danger: 'Danger' },
    created: 'Alerte sur l’approvisionnement en drogues',
    retracted: 'Alerte retirée',
    retractedIntro: 'L’équipe d’alerte a retiré cette alerte : l’avertissement ci-dessous ne tient plus.',
    substance: 'Substance',
    appearance: 'Apparence',
    testResult: 'Résultat d’analyse',
    regions: 'Régions',
    until: 'Jusqu’au',
    open: 'Lire l’alerte',
    stop: 'Ne plus recevoir d’alertes (par aucun moyen)',
    choose: 'Choisir vos régions d’alerte',
  },
} as const;

/** Made once: an alert to a thousand members formats a thousand dates. */
const DATES: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
};

/**
 * A drug-supply alert, or its withdrawal, for one subscribed member in their language. It never names who
 * wrote it. (A member in discreet mode gets `discreetMail` instead: no site name, no words of the alert.)
 */
export function alertMail(input: AlertMailInput): OutgoingMail {
  const w = WORDS[input.locale];
  const until = DATES[input.locale].format(input.expiresAt);
  const facts: [string, string][] = [
    [w.substance, input.substance],
    ...(input.appearance ? [[w.appearance, input.appearance] as [string, string]] : []),
    ...(input.testResult ? [[w.testResult, input.testResult] as [string, string]] : []),
    [w.regions, input.regions.join(', ')],
    [w.until, `${until} UTC`],
  ];
  const heading = `${w.severity[input.severity]}: ${input.title}`;
  const lead = input.change === 'retracted' ? [w.retractedIntro] : [];
  const text = [...lead, heading, input.body, facts.map(([label, value]) => `${label}: ${value}`).join('\n')];
  const html =
    lead.map((line) => `<p><strong>${escapeHtml(line)}</strong></p>`).join('') +
    `<h1 style="font-size:1.2em">${escapeHtml(heading)}</h1>` +
    input.body
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      .join('') +
    `<ul>${facts.map(([label, value]) => `<li>${escapeHtml(label)}: ${escapeHtml(value)}</li>`).join('')}</ul>`;
  const subject = `${input.change === 'retracted' ? w.retracted : w.created}: ${input.title} · ${input.siteName}`;
  return memberMail(input.to, subject, { text, html }, { label: w.open, url: input.link }, { stop: w.stop, choose: w.choose }, input);
}
