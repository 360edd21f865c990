import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Link, useNavigate } from 'react-router';
import type { MeDto } from '@harbour/contracts';
import { isAdmin, isSiteStaff } from '../lib/session';
import { useLogout } from '../features/auth/api/logout';
import { Avatar } from '../features/shared/components/avatar';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';

/** A disclosure menu: Escape closes it and gives focus back to its button. */
export function AccountMenu({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      // The opening click may still be bubbling when this listener is added: ignore clicks on the button.
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  const close = () => setOpen(false);
  return (
    <div className="account-menu">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="account-menu-panel"
        aria-label={t('account.menu', { name: me.displayName })}
        className="account-button"
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar user={me} size={30} />
        <span aria-hidden="true" className="account-name">
          {me.displayName}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div id="account-menu-panel" ref={panel} hidden={!open} className="account-menu-panel">
        <p className="muted">{t('account.signedInAs', { name: me.username })}</p>
        <ul>
          <li>
            <Link to="/settings/profile" onClick={close}>
              {t('settingsNav.label')}
            </Link>
          </li>
          <li>
            <Link to="/bookmarks" onClick={close}>
              {t('lists.bookmarks.menu')}
            </Link>
          </li>
          <li>
            <Link to="/settings/notifications" onClick={close}>
              {t('notifications.preferences')}
            </Link>
          </li>
          <li>
            <Link to="/moderation/mine" onClick={close}>
              {t('moderation.mine.title')}
            </Link>
          </li>
        </ul>
        {isSiteStaff(me) && (
          <nav aria-label={t('account.moderation')}>
            <ul>
              <li>
                <Link to="/moderation" onClick={close}>
                  {t('moderation.queue.title')}
                </Link>
              </li>
              <li>
                <Link to="/moderation/log" onClick={close}>
                  {t('moderation.log.title')}
                </Link>
              </li>
            </ul>
          </nav>
        )}
        {isAdmin(me) && (
          <nav aria-label={t('account.admin')}>
            <ul>
              <li>
                <Link to="/admin/settings" onClick={close}>
                  {t('account.settings')}
                </Link>
              </li>
              <li>
                <Link to="/admin/categories" onClick={close}>
                  {t('categories.title')}
                </Link>
              </li>
              <li>
                <Link to="/admin/users" onClick={close}>
                  {t('account.users')}
                </Link>
              </li>
              <li>
                <Link to="/admin/mailings" onClick={close}>
                  {t('mailings.title')}
                </Link>
              </li>
              <li>
                <Link to="/admin/subscribers" onClick={close}>
                  {t('mailings.subscribers.title')}
                </Link>
              </li>
              <li>
                <Link to="/admin/invitations" onClick={close}>
                  {t('account.invitations')}
                </Link>
              </li>
              <li>
                <Link to="/admin/watched-words" onClick={close}>
                  {t('moderation.words.title')}
                </Link>
              </li>
              <li>
                <Link to="/admin/outbox" onClick={close}>
                  {t('account.outbox')}
                </Link>
              </li>
            </ul>
          </nav>
        )}
        {/* A member's display choices live here: the header of a phone has no room left for them. */}
        <div className="menu-settings">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
        <button
          type="button"
          className="sign-out"
          onClick={() => {
            close();
            logout.mutate(undefined, { onSettled: () => void navigate('/') });
          }}
        >
          {t('account.signOut')}
        </button>
      </div>
    </div>
  );
}
