/*
 * Date formatting with one Intl formatter per language and style, made once. `toLocaleString(language, options)`
 * builds a new formatter on every call, which costs milliseconds each on a slow phone: a topic of 50 posts spent
 * about 450 ms of its first load (4x slower CPU, npm run bench:web's profile) on its post dates alone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "3 Dec 2026, 16:50": the date and time of a post, a message, a session. */
export function formatDateTime(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "Thursday 3 December 2026 at 16:50": the full date, for a title beside a relative time. */
export function formatFullDateTime(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** "in 3 hours", "yesterday". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit, language: string): string {
  let formatter = relativeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormatters.set(language, formatter);
  }
  return formatter.format(value, unit);
}
