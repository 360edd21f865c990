import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { formatFullDateTime, formatRelative, type RelativeUnit } from '../../../lib/dates';

const STEPS: [RelativeUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago" in the reader's language, with the full date in the <time> element's title and datetime. */
export function RelativeTime({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  // When the row was first drawn: a list refetched later draws its rows again.
  const [now] = useState(() => Date.now());
  const date = new Date(at);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const step = STEPS.find(([, size]) => Math.abs(seconds) >= size);
  const text = step ? formatRelative(Math.trunc(seconds / step[1]), step[0], i18n.language) : t('lists.justNow');
  const full = formatFullDateTime(at, i18n.language);
  return (
    <time dateTime={at} title={full}>
      {text}
    </time>
  );
}
