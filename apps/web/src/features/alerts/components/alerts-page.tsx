import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { isAdmin, useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { feedUrl, regionName, useAlertRegions, useAlerts } from '../api/alerts';
import type { AlertDto } from '@harbour/contracts';
import { RegionNames } from './alert-fields';
import { alertLanguage, alertTitle } from './alert-text';
import { SeverityBadge } from './severity-badge';
import { HeadLink } from '../../../ui/head-link';

/**
 * The public alerts page: what is in effect (or everything, with past alerts), in one region or all, with that
 * region's Atom feed for partner organizations (a visible link, and one in the head for feed readers).
 */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  // Held here and written to the address (to share or reload): two quick changes must not read a stale address.
  const [{ region, past }, setFilter] = useState(() => ({ region: params.get('region') || null, past: params.get('past') === '1' }));
  const regions = useAlertRegions().data?.items;
  const alerts = useAlerts(region, past);
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const regionLabel = region ? regionName(regions, region, i18n.language) : t('alerts.allRegions');
  const feedTitle = t('alerts.feed', { region: regionLabel });

  const choose = (change: { region?: string | null; past?: boolean }) => {
    const next = { region, past, ...change };
    setFilter(next);
    const query = new URLSearchParams();
    if (next.region) query.set('region', next.region);
    if (next.past) query.set('past', '1');
    setParams(query, { replace: true });
  };
  // A site that requires signing in shows its alerts to members only.
  if (alerts.error instanceof ApiError && alerts.error.status === 401) return <Navigate to="/sign-in" replace />;
  return (
    <Page title={t('alerts.title')}>
      <HeadLink rel="alternate" type="application/atom+xml" title={feedTitle} href={feedUrl(region)} />
      <p>{t('alerts.intro')}</p>
      <div className="supply-alert-tools">
        <Link to="/alerts/report" className="button-outline">
          {t('alerts.reportLink')}
        </Link>
        {me && (
          <Link to="/settings/notifications" className="button-outline">
            {t('alerts.follow')}
          </Link>
        )}
        {me?.alertTeam && (
          <>
            <Link to="/alerts/new" className="button-link">
              {t('alerts.write')}
            </Link>
            <Link to="/alerts/reports" className="button-outline">
              {t('alerts.queue')}
            </Link>
          </>
        )}
        {isAdmin(me) && (
          <Link to="/alerts/team" className="button-outline">
            {t('alerts.team.page')}
          </Link>
        )}
      </div>
      <div className="supply-alert-filter">
        <div className="field">
          <label htmlFor="alerts-region">{t('alerts.region')}</label>
          <select id="alerts-region" value={region ?? ''} onChange={(event) => choose({ region: event.target.value || null })}>
            <option value="">{t('alerts.allRegions')}</option>
            {regions?.map((item) => (
              <option key={item.code} value={item.code}>
                {regionName(regions, item.code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="choice">
          <input id="alerts-past" type="checkbox" checked={past} onChange={(event) => choose({ past: event.target.checked })} />
          <label htmlFor="alerts-past">{t('alerts.past')}</label>
        </div>
      </div>
      <p>
        <a href={feedUrl(region)} type="application/atom+xml">
          {feedTitle}
        </a>
        <br />
        <span className="muted">{t('alerts.feedHint')}</span>
      </p>
      {alerts.error && <Alert kind="error">{alerts.error.message}</Alert>}
      {items.length === 0 && !alerts.isPending && !alerts.error ? (
        <EmptyState title={t('alerts.none')} hint={t('alerts.noneHint')} />
      ) : (
        <ul className="supply-alert-list" aria-label={t('alerts.listLabel', { region: regionLabel })}>
          {items.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
      {alerts.hasNextPage && (
        <button type="button" onClick={() => void alerts.fetchNextPage()} disabled={alerts.isFetchingNextPage}>
          {t('alerts.more')}
        </button>
      )}
      {regions && regions.length > 1 && (
        <details>
          <summary>{t('alerts.feedsByRegion')}</summary>
          <ul>
            {regions.map((item) => (
              <li key={item.code}>
                <a href={feedUrl(item.code)} type="application/atom+xml">
                  {t('alerts.feed', { region: regionName(regions, item.code, i18n.language) })}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Page>
  );
}

function AlertItem({ alert }: { alert: AlertDto }) {
  const { t, i18n } = useTranslation();
  const over = alert.retractedAt ? t('alerts.retracted') : alert.active ? null : t('alerts.expired');
  return (
    <li className={over ? 'is-over' : `is-${alert.severity}`}>
      <h2 className="supply-alert-heading">
        <SeverityBadge severity={alert.severity} />
        {over && <span className="badge">{over}</span>}
        <Link to={`/alerts/${alert.id}`} lang={alertLanguage(alert, i18n.language, 'title')}>
          {alertTitle(alert, i18n.language)}
        </Link>
      </h2>
      <p className="supply-alert-meta">
        {t('alerts.summary', { substance: alert.substance, until: formatDateTime(alert.expiresAt, i18n.language) })}
      </p>
      <p className="supply-alert-meta">
        <RegionNames codes={alert.regions} />
      </p>
    </li>
  );
}
