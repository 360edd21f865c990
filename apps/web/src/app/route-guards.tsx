import { useTranslation } from '../i18n/use-translation';
import { Link, Navigate } from 'react-router';
import type { ReactNode } from 'react';
import { isAdmin, useMe } from '../lib/session';
import { Page } from '../ui/page';

/** Admin screens: the server checks every call; this only avoids showing an empty screen. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!isAdmin(me.data)) return <NotFound />;
  return children;
}

/** Screens of a signed-in member: visitors are sent to sign in. */
export function MembersOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return children;
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFound')}>
      <Link to="/">{t('app.backHome')}</Link>
    </Page>
  );
}
