/*
 * Dates in the reader's language. English and French — the client's two languages — are written from the small
 * tables below; any other language goes through Intl. Why not Intl for all: the first Intl.DateTimeFormat a page
 * builds loads the locale's data, and a topic page's first load on a weak phone (4x slower CPU, npm run
 * bench:web's profile) spent 120–330 ms in its date formatters, more than any part of the page's own code.
 * dates.spec.ts holds these tables to Intl's own output for thousands of dates, so the two cannot drift apart.
 */
export type RelativeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

interface Words {
  months: string[];
  monthsShort: string[];
  weekdays: string[];
  medium(d: Date, time: string): string;
  full(d: Date, time: string): string;
  time(d: Date): string;
  /** RelativeUnit names, [singular, plural]. */
  units: Record<RelativeUnit, [string, string]>;
  plural(n: number): 0 | 1;
  ago(amount: string): string;
  in(amount: string): string;
  /** numeric: 'auto' phrases ("yesterday"), by unit and value. */
  special: Partial<Record<RelativeUnit, Record<number, string>>>;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const en: Words = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  // "Sep 3, 2026, 4:05 PM".
  medium: (d, time) => `${en.monthsShort[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${time}`,
  full: (d, time) => `${en.weekdays[d.getDay()]}, ${en.months[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} at ${time}`,
  time: (d) => `${d.getHours() % 12 || 12}:${pad(d.getMinutes())} ${d.getHours() < 12 ? 'AM' : 'PM'}`,
  units: {
    year: ['year', 'years'],
    month: ['month', 'months'],
    week: ['week', 'weeks'],
    day: ['day', 'days'],
    hour: ['hour', 'hours'],
    minute: ['minute', 'minutes'],
  },
  plural: (n) => (n === 1 ? 0 : 1),
  ago: (amount) => `${amount} ago`,
  in: (amount) => `in ${amount}`,
  special: {
    year: { [-1]: 'last year', 1: 'next year' },
    month: { [-1]: 'last month', 1: 'next month' },
    week: { [-1]: 'last week', 1: 'next week' },
    day: { [-1]: 'yesterday', 1: 'tomorrow' },
  },
};

const fr: Words = {
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  // "3 sept. 2026, 16:05"; "jeudi 3 septembre 2026 à 16:05".
  medium: (d, time) => `${d.getDate()} ${fr.monthsShort[d.getMonth()]} ${d.getFullYear()}, ${time}`,
  full: (d, time) => `${fr.weekdays[d.getDay()]} ${d.getDate()} ${fr.months[d.getMonth()]} ${d.getFullYear()} à ${time}`,
  time: (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  units: {
    year: ['an', 'ans'],
    month: ['mois', 'mois'],
    week: ['semaine', 'semaines'],
    day: ['jour', 'jours'],
    hour: ['heure', 'heures'],
    minute: ['minute', 'minutes'],
  },
  plural: (n) => (n < 2 ? 0 : 1),
  ago: (amount) => `il y a ${amount}`,
  in: (amount) => `dans ${amount}`,
  special: {
    year: { [-1]: 'l’année dernière', 1: 'l’année prochaine' },
    month: { [-1]: 'le mois dernier', 1: 'le mois prochain' },
    week: { [-1]: 'la semaine dernière', 1: 'la semaine prochaine' },
    day: { [-2]: 'avant-hier', [-1]: 'hier', 1: 'demain', 2: 'après-demain' },
  },
};

const TABLES: Record<string, Words> = { en, fr };

/** The table for the client's own languages; undefined for any other (even "fr-CA", whose times Intl writes "16 h 05"). */
const tableFor = (language: string): Words | undefined => (Object.hasOwn(TABLES, language) ? TABLES[language] : undefined);

const formatters = new Map<string, Intl.DateTimeFormat>();
function intlFormat(iso: string, language: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, options);
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

/** "Sep 3, 2026, 4:05 PM" / "3 sept. 2026, 16:05": the date and time of a post, a message, a session. */
export function formatDateTime(iso: string, language: string): string {
  const words = tableFor(language);
  if (!words) return intlFormat(iso, language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Date(iso);
  return words.medium(date, words.time(date));
}

/** "Thursday, September 3, 2026 at 4:05 PM": the full date, for a title beside a relative time. */
export function formatFullDateTime(iso: string, language: string): string {
  const words = tableFor(language);
  if (!words) return intlFormat(iso, language, { dateStyle: 'full', timeStyle: 'short' });
  const date = new Date(iso);
  return words.full(date, words.time(date));
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** "in 3 hours", "yesterday" (a whole, non-zero number of units, as RelativeTime gives). */
export function formatRelative(value: number, unit: RelativeUnit, language: string): string {
  const words = tableFor(language);
  if (!words || !Number.isInteger(value) || value === 0) {
    let formatter = relativeFormatters.get(language);
    if (!formatter) {
      formatter = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
      relativeFormatters.set(language, formatter);
    }
    return formatter.format(value, unit);
  }
  const special = words.special[unit]?.[value];
  if (special) return special;
  const count = Math.abs(value);
  const amount = `${count} ${words.units[unit][words.plural(count)]}`;
  return value < 0 ? words.ago(amount) : words.in(amount);
}
