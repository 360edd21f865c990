import { lazy, Suspense } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Link, Outlet } from 'react-router';
import { DiscreetMode } from '../features/discreet/components/discreet-mode';
import { QuickExitButton } from '../features/discreet/components/quick-exit-button';
import { useMe } from '../lib/session';
import { useSite } from '../lib/site';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { LanguageSwitch } from './language-switch';
import { SearchBox } from './search-box';
import { ThemeSwitch } from './theme-switch';

// Only a signed-in member sees these: a guest's first load never fetches them (one chunk for both).
const MemberNav = lazy(() => import('./member-parts').then((m) => ({ default: m.MemberNav })));
const MemberNotices = lazy(() => import('./member-parts').then((m) => ({ default: m.MemberNotices })));

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  return (
    <>
      <DiscreetMode />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="site-name">
            {site.data?.logoUrl ? (
              // The site's own logo (issue 19), same-origin; the name beside it is the link's text.
              <img className="site-logo site-logo-uploaded" src={site.data.logoUrl} alt="" height={32} />
            ) : (
              <>
                {/* Drawn here (nothing loads from elsewhere): a harbour's anchor, in the accent colour. */}
                <svg
                  className="site-logo"
                  aria-hidden="true"
                  width="26"
                  height="26"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                >
                  <circle cx="12" cy="5" r="2.5" />
                  <path d="M12 7.5V21M7 11h10M4 14a8 8 0 0 0 16 0" />
                </svg>
              </>
            )}
            {site.data?.siteName ?? 'Harbour'}
          </Link>
          <SearchBox />
          <nav aria-label={t('app.mainNav')} className="site-nav">
            <Link to="/groups">{t('nav.groups')}</Link>
            <Link to="/alerts">{t('nav.alerts')}</Link>
            {me.data ? (
              <Suspense fallback={null}>
                <MemberNav me={me.data} />
              </Suspense>
            ) : me.isPending ? null : (
              <>
                <Link to="/sign-in">{t('nav.signIn')}</Link>
                <Link to="/sign-up" className="button-link">
                  {t('nav.signUp')}
                </Link>
              </>
            )}
          </nav>
          <QuickExitButton />
          {/* A member has these in the account menu; a visitor has no menu, so they sit in the header. */}
          {!me.data && !me.isPending && (
            <div className="header-tools">
              <LanguageSwitch />
              <ThemeSwitch />
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me.data && (
          <Suspense fallback={null}>
            <MemberNotices />
          </Suspense>
        )}
        <Outlet />
      </main>
      <footer className="site-footer">
        <nav aria-label={t('app.footerNav')}>
          <Link to="/mailings">{t('mailings.archive.title')}</Link> ·{' '}
          <Link to="/mailing/subscribe">{t('mailings.public.subscribeTitle')}</Link> · <KeyboardShortcuts />
        </nav>
      </footer>
    </>
  );
}
