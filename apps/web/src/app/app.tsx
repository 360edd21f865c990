import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import type { ReactNode } from 'react';
import { InvitationsPage } from '../features/admin/components/invitations-page';
import { OutboxPage } from '../features/admin/components/outbox-page';
import { SettingsPage } from '../features/admin/components/settings-page';
import { UsersPage } from '../features/admin/components/users-page';
import { isAdmin, meQueryKey, useMe } from '../lib/session';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { SignUpPage } from '../features/auth/components/sign-up-page';
import { CategoryPage } from '../features/forum/components/category-page';
import { TopicPage } from '../features/forum/components/topic-page';
import { GroupPage } from '../features/groups/components/group-page';
import { GroupsPage } from '../features/groups/components/groups-page';
import { InvitationPage } from '../features/groups/components/invitation-page';
import { HomePage } from '../features/forum/components/home-page';
import { ArchivePage } from '../features/mailings/components/archive-page';
import { ArchivedMailingPage } from '../features/mailings/components/archived-mailing-page';
import { ConfirmSubscriptionPage } from '../features/mailings/components/confirm-page';
import { MailingPage } from '../features/mailings/components/mailing-page';
import { MySubscription } from '../features/mailings/components/my-subscription';
import { MailingsPage } from '../features/mailings/components/mailings-page';
import { SubscribePage } from '../features/mailings/components/subscribe-page';
import { SubscribersPage } from '../features/mailings/components/subscribers-page';
import { MailingUnsubscribePage } from '../features/mailings/components/unsubscribe-page';
import { MemberRecordPage } from '../features/moderation/components/member-record-page';
import { ModerationLogPage } from '../features/moderation/components/moderation-log-page';
import { MySanctionsPage } from '../features/moderation/components/my-sanctions-page';
import { ReviewQueuePage } from '../features/moderation/components/review-queue-page';
import { WatchedWordsPage } from '../features/moderation/components/watched-words-page';
import { NotificationsPage } from '../features/notifications/components/notifications-page';
import { PreferencesPage } from '../features/notifications/components/preferences-page';
import { UnsubscribePage } from '../features/notifications/components/unsubscribe-page';
import { SearchPage } from '../features/search/components/search-page';
import { EmailPage } from '../features/account/components/email-page';
import { PasswordPage } from '../features/account/components/password-page';
import { ProfileSettingsPage } from '../features/account/components/profile-settings-page';
import { SessionsPage } from '../features/account/components/sessions-page';
import { VerifyEmailPage } from '../features/account/components/verify-email-page';
import { BlockButton } from '../features/blocks/components/block-button';
import { BlocksPage } from '../features/blocks/components/blocks-page';
import { ConversationPage } from '../features/conversations/components/conversation-page';
import { InboxPage } from '../features/conversations/components/inbox-page';
import { NewConversationPage } from '../features/conversations/components/new-conversation-page';
import { AccountDeletedPage } from '../features/leaving/components/account-deleted-page';
import { DeleteAccountPage } from '../features/leaving/components/delete-account-page';
import { ExportPage } from '../features/leaving/components/export-page';
import { ProfilePage } from '../features/profiles/components/profile-page';
import { TwoFactorPage } from '../features/two-factor/components/two-factor-page';
import { SettingsLayout } from './settings-layout';
import { Page } from '../ui/page';
import { RealtimeProvider } from '../lib/realtime';
import { Layout } from './layout';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** Admin screens: the server checks every call; this only avoids showing an empty screen. */
function AdminOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (!isAdmin(me.data)) return <NotFound />;
  return children;
}

/** Screens of a signed-in member: visitors are sent to sign in. */
function MembersOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return children;
}

/** One socket per tab, opened once the member (or the visitor) is known, again after signing in or out. */
function WithRealtime({ children }: { children: ReactNode }) {
  const me = useMe();
  const queryClient = useQueryClient();
  // Signed out elsewhere, suspended or banned: the server ends the session; this tab stops acting signed in.
  const sessionEnded = () => void queryClient.invalidateQueries({ queryKey: meQueryKey });
  return (
    <RealtimeProvider identity={me.isPending ? null : (me.data?.id ?? 'guest')} onSessionEnded={sessionEnded}>
      {children}
    </RealtimeProvider>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFound')}>
      <Link to="/">{t('app.backHome')}</Link>
    </Page>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <WithRealtime>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="c/:id" element={<CategoryPage />} />
              <Route path="t/:id" element={<TopicPage />} />
              <Route path="groups" element={<GroupsPage />} />
              <Route path="g/:slug" element={<GroupPage />} />
              <Route path="invitations/:id" element={<InvitationPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route
                path="notifications"
                element={
                  <MembersOnly>
                    <NotificationsPage />
                  </MembersOnly>
                }
              />
              <Route
                path="messages"
                element={
                  <MembersOnly>
                    <InboxPage />
                  </MembersOnly>
                }
              />
              <Route
                path="messages/new"
                element={
                  <MembersOnly>
                    <NewConversationPage />
                  </MembersOnly>
                }
              />
              <Route
                path="messages/:id"
                element={
                  <MembersOnly>
                    <ConversationPage />
                  </MembersOnly>
                }
              />
              <Route path="u/:username" element={<ProfilePage actions={(user) => <BlockButton user={user} />} />} />
              <Route path="verify-email" element={<VerifyEmailPage />} />
              <Route path="account-deleted" element={<AccountDeletedPage />} />
              <Route
                path="settings"
                element={
                  <MembersOnly>
                    <SettingsLayout />
                  </MembersOnly>
                }
              >
                <Route index element={<Navigate to="/settings/profile" replace />} />
                <Route path="profile" element={<ProfileSettingsPage />} />
                <Route path="password" element={<PasswordPage />} />
                <Route path="email" element={<EmailPage />} />
                <Route path="sessions" element={<SessionsPage />} />
                <Route path="two-factor" element={<TwoFactorPage />} />
                <Route path="blocks" element={<BlocksPage />} />
                <Route
                  path="notifications"
                  element={
                    <PreferencesPage>
                      <MySubscription />
                    </PreferencesPage>
                  }
                />
                <Route path="export" element={<ExportPage />} />
                <Route path="delete" element={<DeleteAccountPage />} />
              </Route>
              <Route path="unsubscribe" element={<UnsubscribePage />} />
              <Route path="mailing/subscribe" element={<SubscribePage />} />
              <Route path="mailing/confirm" element={<ConfirmSubscriptionPage />} />
              <Route path="mailing/unsubscribe" element={<MailingUnsubscribePage />} />
              <Route path="mailings" element={<ArchivePage />} />
              <Route path="mailings/:id" element={<ArchivedMailingPage />} />
              <Route
                path="admin/mailings"
                element={
                  <AdminOnly>
                    <MailingsPage />
                  </AdminOnly>
                }
              />
              <Route
                path="admin/mailings/:id"
                element={
                  <AdminOnly>
                    <MailingPage />
                  </AdminOnly>
                }
              />
              <Route
                path="admin/subscribers"
                element={
                  <AdminOnly>
                    <SubscribersPage />
                  </AdminOnly>
                }
              />
              <Route
                path="moderation"
                element={
                  <MembersOnly>
                    <ReviewQueuePage />
                  </MembersOnly>
                }
              />
              <Route
                path="moderation/log"
                element={
                  <MembersOnly>
                    <ModerationLogPage />
                  </MembersOnly>
                }
              />
              <Route
                path="moderation/users/:id"
                element={
                  <MembersOnly>
                    <MemberRecordPage />
                  </MembersOnly>
                }
              />
              <Route
                path="moderation/mine"
                element={
                  <MembersOnly>
                    <MySanctionsPage />
                  </MembersOnly>
                }
              />
              <Route
                path="admin/watched-words"
                element={
                  <AdminOnly>
                    <WatchedWordsPage />
                  </AdminOnly>
                }
              />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="sign-up" element={<SignUpPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route
                path="admin/settings"
                element={
                  <AdminOnly>
                    <SettingsPage />
                  </AdminOnly>
                }
              />
              <Route
                path="admin/users"
                element={
                  <AdminOnly>
                    <UsersPage />
                  </AdminOnly>
                }
              />
              <Route
                path="admin/invitations"
                element={
                  <AdminOnly>
                    <InvitationsPage />
                  </AdminOnly>
                }
              />
              <Route
                path="admin/outbox"
                element={
                  <AdminOnly>
                    <OutboxPage />
                  </AdminOnly>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </WithRealtime>
    </QueryClientProvider>
  );
}
