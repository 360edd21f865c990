import type { AlertDto } from '@harbour/contracts';

/** The alert's title in the reader's language: the French one for a French reader when the team wrote one. */
export function alertTitle(alert: AlertDto, language: string): string {
  return language.startsWith('fr') && alert.titleFr ? alert.titleFr : alert.title;
}

/** The alert's effects and advice in the reader's language, as alertTitle. */
export function alertBody(alert: AlertDto, language: string): string {
  return language.startsWith('fr') && alert.bodyFr ? alert.bodyFr : alert.body;
}

/** The language of the title or body shown (a French reader is shown the English text when there is no French). */
export function alertLanguage(alert: AlertDto, language: string, part: 'title' | 'body'): 'fr' | 'en' {
  return language.startsWith('fr') && (part === 'title' ? alert.titleFr : alert.bodyFr) ? 'fr' : 'en';
}

/** What a banner is about: the alert, or its retraction (dismissed separately: a retraction is news again). */
export const bannerKey = (alert: AlertDto) => (alert.retractedAt ? `${alert.id}:retracted` : alert.id);
