import { formatDateTime, formatFullDateTime, formatRelative, type RelativeUnit } from './dates';

/**
 * The English and French tables must write exactly what Intl writes (the client used Intl before, and other
 * languages still do): every month and weekday, every hour of the day, both sides of noon and midnight, and every
 * relative value RelativeTime can ask for.
 */
describe('dates in English and French', () => {
  const dates: Date[] = [];
  for (let day = 0; day < 400; day += 3) dates.push(new Date(2026, 0, 1 + day, day % 24, (day * 7) % 60));
  dates.push(new Date(2026, 11, 31, 0, 0), new Date(2027, 1, 28, 12, 0), new Date(2024, 1, 29, 23, 59), new Date(1999, 8, 9, 9, 9));

  it.each(['en', 'fr'])('dates and times in %s match Intl', (language) => {
    const medium = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
    for (const date of dates) {
      expect(formatDateTime(date.toISOString(), language)).toBe(medium.format(date));
      expect(formatFullDateTime(date.toISOString(), language)).toBe(full.format(date));
    }
  });

  it.each(['en', 'fr'])('relative times in %s match Intl (numeric: auto)', (language) => {
    const intl = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const units: RelativeUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute'];
    for (const unit of units) {
      for (let value = -70; value <= 70; value++) {
        if (value === 0) continue;
        expect(formatRelative(value, unit, language)).toBe(intl.format(value, unit));
      }
    }
  });

  it('leaves other languages to Intl', () => {
    const date = new Date(2026, 8, 3, 16, 5);
    expect(formatDateTime(date.toISOString(), 'de')).toBe(
      new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(date),
    );
    expect(formatRelative(-1, 'day', 'es')).toBe('ayer');
    expect(formatDateTime(date.toISOString(), 'fr-CA')).toBe(
      new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short' }).format(date),
    );
  });
});
