import { useRef, useState } from 'react';
import type { TFunction } from '../../../i18n/translator';
import { useTranslation } from '../../../i18n/use-translation';
import type { SessionDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useEndSessions, useSessions } from '../api/account';
import { formatDateTime } from '../../../lib/dates';

/**
 * The server's label is English for API clients ("Firefox on Android", "Unknown device"): the page says its
 * two fixed words in the reader's language. Browser and system names are names, and stay as they are.
 */
function deviceName(t: TFunction, device: string): string {
  if (device === 'Unknown device') return t('selfService.sessions.unknownDevice');
  const [browser, system] = device.split(' on ');
  return system ? t('selfService.sessions.deviceOn', { browser, system }) : device;
}

/** /settings/sessions: each signed-in device (a label, never an address), signed out one by one or all at once. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const end = useEndSessions();
  const [done, setDone] = useState<string | null>(null);
  // The pressed button leaves with its row: focus goes to the message saying what happened.
  const status = useRef<HTMLDivElement>(null);
  const date = (iso: string) => formatDateTime(iso, i18n.language);

  const endOne = (session: SessionDto | null) => {
    setDone(null);
    end.mutate(session?.id ?? null, {
      onSuccess: () => {
        setDone(
          session ? t('selfService.sessions.ended', { device: deviceName(t, session.device) }) : t('selfService.sessions.endedOthers'),
        );
        requestAnimationFrame(() => status.current?.focus());
      },
    });
  };

  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current);
  return (
    <Page title={t('selfService.sessionsTitle')} narrow>
      <p className="muted">{t('selfService.sessions.intro')}</p>
      <div ref={status} tabIndex={-1}>
        {done && <Alert kind="success">{done}</Alert>}
        {(end.isError || sessions.isError) && <Alert kind="error">{t('selfService.failed')}</Alert>}
      </div>
      {sessions.isPending && <p>{t('app.loading')}</p>}
      <ul className="session-list" aria-label={t('selfService.sessionsTitle')}>
        {items.map((session) => (
          <li key={session.id} className="session-row">
            <strong>{deviceName(t, session.device)}</strong>
            {session.current && <span className="badge"> {t('selfService.sessions.current')}</span>}
            <br />
            <span className="muted">
              {t('selfService.sessions.started', { date: date(session.createdAt) })} ·{' '}
              {t('selfService.sessions.lastSeen', { date: date(session.lastSeenAt) })}
            </span>{' '}
            {!session.current && (
              <button
                type="button"
                aria-label={t('selfService.sessions.endNamed', { device: deviceName(t, session.device), date: date(session.lastSeenAt) })}
                disabled={end.isPending}
                onClick={() => endOne(session)}
              >
                {t('selfService.sessions.end')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {sessions.isSuccess &&
        (others.length > 0 ? (
          <button type="button" className="button-primary" disabled={end.isPending} onClick={() => endOne(null)}>
            {t('selfService.sessions.endOthers')}
          </button>
        ) : (
          <p>{t('selfService.sessions.onlyThis')}</p>
        ))}
    </Page>
  );
}
