import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../lib/session';
import { useSite } from '../lib/site';
import { WarningBanner } from '../features/moderation/components/warning-banner';
import { StaffTwoFactorNotice } from '../features/two-factor/components/staff-two-factor-notice';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { MessagesLink } from '../features/conversations/components/messages-link';
import { AccountMenu } from './account-menu';
import { LanguageSwitch } from './language-switch';
import { SearchBox } from './search-box';

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="site-name">
          {site.data?.siteName ?? 'Harbour'}
        </Link>
        <SearchBox />
        <nav aria-label={t('app.mainNav')} className="site-nav">
          <Link to="/groups">{t('nav.groups')}</Link>
          {me.data ? (
            <>
              <MessagesLink />
              <NotificationBell />
              <AccountMenu me={me.data} />
            </>
          ) : me.isPending ? null : (
            <>
              <Link to="/sign-in">{t('nav.signIn')}</Link>
              <Link to="/sign-up" className="button-link">
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {me.data && <WarningBanner />}
        {me.data && <StaffTwoFactorNotice />}
        <Outlet />
      </main>
      <footer className="site-footer">
        <nav aria-label={t('app.footerNav')}>
          <Link to="/mailings">{t('mailings.archive.title')}</Link> ·{' '}
          <Link to="/mailing/subscribe">{t('mailings.public.subscribeTitle')}</Link>
        </nav>
      </footer>
    </>
  );
}
