import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { isAdmin, useMe } from '../../../lib/session';
import { PageSkeleton } from '../../../ui/skeleton';
import { AlertPage } from './alert-page';
import { AlertsNotFound } from './alerts-not-found';
import { AlertsPage } from './alerts-page';
import { AlertsUnsubscribePage } from './alerts-unsubscribe-page';
import { ReportPage } from './report-page';

// The alert team's screens are a chunk of their own: a reader of the public pages never downloads them.
const NewAlertPage = lazy(() => import('./alert-editor-page').then((m) => ({ default: m.NewAlertPage })));
const EditAlertPage = lazy(() => import('./alert-editor-page').then((m) => ({ default: m.EditAlertPage })));
const ReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));
const AlertTeamPage = lazy(() => import('./alert-team-page').then((m) => ({ default: m.AlertTeamPage })));

/** A team screen (`admins`: who is on the team): a visitor signs in first; anyone else finds nothing (the server refuses too). */
function TeamOnly({ children, admins }: { children: ReactNode; admins?: boolean }) {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!(admins ? isAdmin(me.data) : me.data.alertTeam)) return <AlertsNotFound />;
  return <Suspense fallback={<PageSkeleton />}>{children}</Suspense>;
}

/** Everything under /alerts (app/app.tsx mounts it lazily, with the other screens). */
export function AlertRoutes() {
  return (
    <Routes>
      <Route index element={<AlertsPage />} />
      <Route path="report" element={<ReportPage />} />
      <Route path="unsubscribe" element={<AlertsUnsubscribePage />} />
      <Route path="new" element={<TeamOnly children={<NewAlertPage />} />} />
      <Route path="reports" element={<TeamOnly children={<ReportsPage />} />} />
      <Route path="team" element={<TeamOnly admins children={<AlertTeamPage />} />} />
      <Route path=":id" element={<AlertPage />} />
      <Route path=":id/edit" element={<TeamOnly children={<EditAlertPage />} />} />
      <Route path="*" element={<AlertsNotFound />} />
    </Routes>
  );
}
