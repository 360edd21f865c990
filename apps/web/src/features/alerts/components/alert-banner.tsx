import { Link } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import type { AlertDto } from '@harbour/contracts';
import { alertLanguage, alertTitle, bannerKey } from './alert-text';
import { SeverityBadge } from './severity-badge';

const RANKS = { danger: 0, warning: 1, info: 2 } as const;
const rank = (alert: AlertDto) => (alert.retractedAt ? 3 : RANKS[alert.severity]);

/**
 * The alerts above the page: each one announced as it appears (role="alert"; a retraction politely), its
 * severity in words and colour, its title linking to the alert, and a button that hides it on this device.
 */
export function AlertBanner({ alerts, onDismiss }: { alerts: AlertDto[]; onDismiss: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  // The gravest first (a stable sort keeps the newest first within each severity).
  const sorted = [...alerts].sort((a, b) => rank(a) - rank(b));
  const dismiss = (key: string) => {
    onDismiss(key);
    // The button leaves with its banner: focus goes to the page's content instead of being lost.
    document.getElementById('main')?.focus();
  };
  return (
    <section className="supply-alert-banners" aria-label={t('alerts.banner.label')}>
      {sorted.map((alert) => {
        const title = alertTitle(alert, i18n.language);
        const key = bannerKey(alert);
        return (
          <div
            key={key}
            className={`supply-alert-banner ${alert.retractedAt ? 'is-over' : `is-${alert.severity}`}`}
            role={alert.retractedAt ? 'status' : 'alert'}
          >
            <div>
              {alert.retractedAt ? (
                <p>
                  <strong>{t('alerts.banner.retracted', { title })}</strong> {t('alerts.banner.retractedHint')}{' '}
                  <Link to={`/alerts/${alert.id}`}>{t('alerts.banner.read')}</Link>
                </p>
              ) : (
                <>
                  <SeverityBadge severity={alert.severity} />
                  <p className="supply-alert-title" lang={alertLanguage(alert, i18n.language, 'title')}>
                    <Link to={`/alerts/${alert.id}`}>{title}</Link>
                  </p>
                  <p>{t('alerts.banner.substance', { substance: alert.substance })}</p>
                </>
              )}
            </div>
            <button type="button" className="button-quiet button-small" onClick={() => dismiss(key)}>
              <span aria-hidden="true">✕</span>
              <span className="visually-hidden">{t('alerts.banner.dismiss', { title })}</span>
            </button>
          </div>
        );
      })}
    </section>
  );
}
