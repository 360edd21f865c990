import { useTranslation } from '../i18n/use-translation';
import { NavLink, Outlet } from 'react-router';

const PAGES = [
  ['profile', 'settingsNav.profile'],
  ['password', 'settingsNav.password'],
  ['email', 'settingsNav.email'],
  ['sessions', 'settingsNav.sessions'],
  ['two-factor', 'settingsNav.twoFactor'],
  ['blocks', 'settingsNav.blocks'],
  ['notifications', 'settingsNav.notifications'],
  ['export', 'settingsNav.export'],
  ['delete', 'settingsNav.delete'],
] as const;

/** The member's own settings: one list of pages beside (on a phone, above) the page open. */
export function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <div className="settings-layout">
      <nav aria-label={t('settingsNav.label')} className="settings-nav">
        <ul>
          {PAGES.map(([path, label]) => (
            <li key={path}>
              <NavLink to={`/settings/${path}`}>{t(label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-page">
        <Outlet />
      </div>
    </div>
  );
}
