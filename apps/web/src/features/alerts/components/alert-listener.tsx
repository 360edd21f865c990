import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AlertDto, PageDto } from '@harbour/contracts';
import { loadLaterStrings } from '../../../i18n/index';
import { api } from '../../../lib/api-client';
import { useSocketEvent } from '../../../lib/realtime';
import { useMe } from '../../../lib/session';
import { bannerKey } from './alert-text';

/*
 * Loaded with every member's page (app/member-parts.tsx), so kept to the listening: the banner's own code and
 * strings load only once there is an alert to show.
 */
const AlertBanner = lazy(async () => {
  const [banner] = await Promise.all([import('./alert-banner'), loadLaterStrings()]);
  return { default: banner.AlertBanner };
});

const DISMISSED = 'harbour.alerts.dismissed';

function readDismissed(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(DISMISSED) ?? '[]');
    return Array.isArray(saved) ? saved.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The alerts in effect in the member's regions when the page opens, then every `alert` event the server sends
 * to this member (a new alert, an edit, a retraction), until the member dismisses each on this device.
 */
export function AlertListener() {
  const me = useMe().data;
  const regions = me?.alertRegions ?? [];
  const following = regions.length > 0 && !me?.alertsOff;
  const active = useQuery({
    queryKey: ['alerts', 'banner'],
    queryFn: () => api<PageDto<AlertDto>>('GET', '/alerts?active=true&limit=20'),
    enabled: following,
    staleTime: 5 * 60_000,
  });
  const [live, setLive] = useState<AlertDto[]>([]);
  const [dismissed, setDismissed] = useState(readDismissed);
  useSocketEvent('alert', ({ alert }) => setLive((alerts) => [alert, ...alerts.filter((other) => other.id !== alert.id)]));

  const liveIds = new Set(live.map((alert) => alert.id));
  const atOpen = following
    ? (active.data?.items ?? []).filter((alert) => !liveIds.has(alert.id) && alert.regions.some((r) => regions.includes(r)))
    : [];
  // An alert edited to end already leaves the banner; a retracted one stays, to say so.
  const shown = [...live, ...atOpen].filter((alert) => (alert.active || alert.retractedAt) && !dismissed.includes(bannerKey(alert)));
  if (shown.length === 0) return null;

  const dismiss = (key: string) => {
    // The newest 100 are enough: older alerts have long expired.
    const next = [key, ...dismissed.filter((other) => other !== key)].slice(0, 100);
    localStorage.setItem(DISMISSED, JSON.stringify(next));
    setDismissed(next);
  };
  return (
    <Suspense fallback={null}>
      <AlertBanner alerts={shown} onDismiss={dismiss} />
    </Suspense>
  );
}
