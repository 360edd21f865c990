import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { ReactNode } from 'react';
import { meQueryKey, useMe } from '../lib/session';
import { BlockButton } from '../features/blocks/components/block-button';
import { RealtimeProvider } from '../lib/realtime';
import { Layout } from './layout';
import { lazyPage } from './lazy-page';
import { AdminOnly, MembersOnly, NotFound } from './route-guards';
import { RouteLinks } from '../ui/route-link';
import { CategoryPage, HomePage, TopicPage } from './server-screens';

// Every screen is its own chunk, loaded when first shown (see lazy-page.tsx).
const CategoriesPage = lazyPage(() => import('../features/admin/components/categories-page').then((m) => m.CategoriesPage));
const CategorySettingsPage = lazyPage(() =>
  import('../features/admin/components/category-settings-page').then((m) => m.CategorySettingsPage),
);
const InvitationsPage = lazyPage(() => import('../features/admin/components/invitations-page').then((m) => m.InvitationsPage));
const OutboxPage = lazyPage(() => import('../features/admin/components/outbox-page').then((m) => m.OutboxPage));
const SettingsPage = lazyPage(() => import('../features/admin/components/settings-page').then((m) => m.SettingsPage));
const UsersPage = lazyPage(() => import('../features/admin/components/users-page').then((m) => m.UsersPage));
const SetupPage = lazyPage(() => import('../features/setup/components/setup-page').then((m) => m.SetupPage));
const ForgotPasswordPage = lazyPage(() => import('../features/auth/components/forgot-password-page').then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => import('../features/auth/components/reset-password-page').then((m) => m.ResetPasswordPage));
const SignInPage = lazyPage(() => import('../features/auth/components/sign-in-page').then((m) => m.SignInPage));
const SignUpPage = lazyPage(() => import('../features/auth/components/sign-up-page').then((m) => m.SignUpPage));
const BookmarksPage = lazyPage(() => import('../features/forum/components/bookmarks-page').then((m) => m.BookmarksPage));
const GroupPage = lazyPage(() => import('../features/groups/components/group-page').then((m) => m.GroupPage));
const GroupsPage = lazyPage(() => import('../features/groups/components/groups-page').then((m) => m.GroupsPage));
const InvitationPage = lazyPage(() => import('../features/groups/components/invitation-page').then((m) => m.InvitationPage));
const ArchivePage = lazyPage(() => import('../features/mailings/components/archive-page').then((m) => m.ArchivePage));
const ArchivedMailingPage = lazyPage(() =>
  import('../features/mailings/components/archived-mailing-page').then((m) => m.ArchivedMailingPage),
);
const ConfirmSubscriptionPage = lazyPage(() =>
  import('../features/mailings/components/confirm-page').then((m) => m.ConfirmSubscriptionPage),
);
const MailingPage = lazyPage(() => import('../features/mailings/components/mailing-page').then((m) => m.MailingPage));
const MySubscription = lazyPage(() => import('../features/mailings/components/my-subscription').then((m) => m.MySubscription));
const PushDeviceSwitch = lazyPage(() => import('../features/push/components/push-device-switch').then((m) => m.PushDeviceSwitch));
const MailingsPage = lazyPage(() => import('../features/mailings/components/mailings-page').then((m) => m.MailingsPage));
const SubscribePage = lazyPage(() => import('../features/mailings/components/subscribe-page').then((m) => m.SubscribePage));
const SubscribersPage = lazyPage(() => import('../features/mailings/components/subscribers-page').then((m) => m.SubscribersPage));
const MailingUnsubscribePage = lazyPage(() =>
  import('../features/mailings/components/unsubscribe-page').then((m) => m.MailingUnsubscribePage),
);
const MemberRecordPage = lazyPage(() => import('../features/moderation/components/member-record-page').then((m) => m.MemberRecordPage));
const ModerationLogPage = lazyPage(() => import('../features/moderation/components/moderation-log-page').then((m) => m.ModerationLogPage));
const MySanctionsPage = lazyPage(() => import('../features/moderation/components/my-sanctions-page').then((m) => m.MySanctionsPage));
const ReviewQueuePage = lazyPage(() => import('../features/moderation/components/review-queue-page').then((m) => m.ReviewQueuePage));
const WatchedWordsPage = lazyPage(() => import('../features/moderation/components/watched-words-page').then((m) => m.WatchedWordsPage));
const NotificationsPage = lazyPage(() =>
  import('../features/notifications/components/notifications-page').then((m) => m.NotificationsPage),
);
const PreferencesPage = lazyPage(() => import('../features/notifications/components/preferences-page').then((m) => m.PreferencesPage));
const UnsubscribePage = lazyPage(() => import('../features/notifications/components/unsubscribe-page').then((m) => m.UnsubscribePage));
const SearchPage = lazyPage(() => import('../features/search/components/search-page').then((m) => m.SearchPage));
const EmailPage = lazyPage(() => import('../features/account/components/email-page').then((m) => m.EmailPage));
const PasswordPage = lazyPage(() => import('../features/account/components/password-page').then((m) => m.PasswordPage));
const ProfileSettingsPage = lazyPage(() =>
  import('../features/account/components/profile-settings-page').then((m) => m.ProfileSettingsPage),
);
const SessionsPage = lazyPage(() => import('../features/account/components/sessions-page').then((m) => m.SessionsPage));
const VerifyEmailPage = lazyPage(() => import('../features/account/components/verify-email-page').then((m) => m.VerifyEmailPage));
const BlocksPage = lazyPage(() => import('../features/blocks/components/blocks-page').then((m) => m.BlocksPage));
const ConversationPage = lazyPage(() => import('../features/conversations/components/conversation-page').then((m) => m.ConversationPage));
const InboxPage = lazyPage(() => import('../features/conversations/components/inbox-page').then((m) => m.InboxPage));
const NewConversationPage = lazyPage(() =>
  import('../features/conversations/components/new-conversation-page').then((m) => m.NewConversationPage),
);
const AccountDeletedPage = lazyPage(() => import('../features/leaving/components/account-deleted-page').then((m) => m.AccountDeletedPage));
const DeleteAccountPage = lazyPage(() => import('../features/leaving/components/delete-account-page').then((m) => m.DeleteAccountPage));
const ExportPage = lazyPage(() => import('../features/leaving/components/export-page').then((m) => m.ExportPage));
const ProfilePage = lazyPage(() => import('../features/profiles/components/profile-page').then((m) => m.ProfilePage));
const TwoFactorPage = lazyPage(() => import('../features/two-factor/components/two-factor-page').then((m) => m.TwoFactorPage));
const SettingsLayout = lazyPage(() => import('./settings-layout').then((m) => m.SettingsLayout));
const AlertRoutes = lazyPage(() => import('../features/alerts/components/alert-routes').then((m) => m.AlertRoutes));
const AlertRegionsSetting = lazyPage(() => import('../features/alerts/components/regions-setting').then((m) => m.AlertRegionsSetting));

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

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

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <WithRealtime>
        <BrowserRouter>
          <RouteLinks />
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="c/:id" element={<CategoryPage />} />
              <Route path="c/:id/settings" element={<MembersOnly children={<CategorySettingsPage />} />} />
              <Route path="t/:id" element={<TopicPage />} />
              {/* A post's own address (issue 18): the slug is for people and search engines; the id decides. */}
              <Route path="t/:slug/:id/:number?" element={<TopicPage />} />
              <Route path="groups" element={<GroupsPage />} />
              <Route path="g/:slug" element={<GroupPage />} />
              <Route path="invitations/:id" element={<InvitationPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="alerts/*" element={<AlertRoutes />} />
              <Route path="bookmarks" element={<BookmarksPage />} />
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
                      <PushDeviceSwitch />
                      <AlertRegionsSetting />
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
                path="setup"
                element={
                  <AdminOnly>
                    <SetupPage />
                  </AdminOnly>
                }
              />
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
              <Route path="admin/categories" element={<AdminOnly children={<CategoriesPage />} />} />
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
