import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import type { ProfileDto, ProfilePostDto, UserDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { VisibilityBadge } from '../../../ui/visibility-badge';
import { Avatar } from '../../shared/components/avatar';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { useProfile, useProfilePosts } from '../api/profiles';
import { formatDateTime } from '../../../lib/dates';

/**
 * A member's profile: picture, names, pronouns, bio, the month they joined, and what the server lets this
 * caller see of their posts (count and recent ones) and groups. `actions`: buttons other features add for
 * the member shown (app/ composes the block button in).
 */
export function ProfilePage({ actions }: { actions?: (user: UserDto) => ReactNode }) {
  const { username = '' } = useParams();
  const { t } = useTranslation();
  const profile = useProfile(username);
  if (profile.isError) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <Page title={missing ? t('profiles.notFound') : t('profiles.title')}>
        {!missing && <Alert kind="error">{t('profiles.loadFailed')}</Alert>}
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    );
  }
  if (!profile.data) return <p>{t('app.loading')}</p>;
  const { user } = profile.data;
  return (
    <Page title={user.displayName}>
      <ProfileHeader profile={profile.data} actions={actions?.(user)} />
      <section aria-labelledby="profile-groups">
        <h2 id="profile-groups">{t('profiles.groups')}</h2>
        {profile.data.groups.length === 0 ? (
          <p className="muted">{t('profiles.noGroups')}</p>
        ) : (
          <ul className="profile-groups">
            {profile.data.groups.map((group) => (
              <li key={group.id}>
                <VisibilityBadge visibility={group.visibility} /> <Link to={`/g/${group.slug}`}>{group.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RecentPosts username={user.username} />
    </Page>
  );
}

function ProfileHeader({ profile, actions }: { profile: ProfileDto; actions: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { user } = profile;
  // joinedAt is a month (YYYY-MM): shown as one, never as a day.
  const month = new Date(`${profile.joinedAt}-01T00:00:00Z`).toLocaleDateString(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <div className="profile-header">
      <Avatar user={user} size={96} />
      <div>
        <p className="muted">{t('profiles.username', { username: user.username })}</p>
        {profile.pronouns && <p>{t('profiles.pronouns', { pronouns: profile.pronouns })}</p>}
        {profile.bio && <p className="profile-bio">{profile.bio}</p>}
        <p className="muted">
          {t('profiles.joined', { month })} · {t('profiles.postCount', { count: profile.postCount })}
        </p>
        {me.data?.id === user.id && <Link to="/settings/profile">{t('profiles.edit')}</Link>}
        {(actions || profile.canMessage) && (
          <div className="actions">
            {/* The server says whether this member takes a message from the caller (their choice and blocks). */}
            {profile.canMessage && (
              <Link
                to={`/messages/new?to=${encodeURIComponent(user.username)}`}
                className="button-link message-button"
                aria-label={t('conversations.profileButtonLabel', { name: user.displayName })}
              >
                {t('conversations.profileButton')}
              </Link>
            )}
            {actions}
          </div>
        )}
      </div>
    </div>
  );
}

function RecentPosts({ username }: { username: string }) {
  const { t } = useTranslation();
  const posts = useProfilePosts(username, true);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="profile-posts">
      <h2 id="profile-posts">{t('profiles.posts')}</h2>
      {posts.data && items.length === 0 && <p className="muted">{t('profiles.noPosts')}</p>}
      <ul className="profile-posts">
        {items.map((post) => (
          <ProfilePost key={post.id} post={post} />
        ))}
      </ul>
      {posts.hasNextPage && (
        <button type="button" onClick={() => void posts.fetchNextPage()} disabled={posts.isFetchingNextPage}>
          {t('profiles.loadMore')}
        </button>
      )}
    </section>
  );
}

function ProfilePost({ post }: { post: ProfilePostDto }) {
  const { t, i18n } = useTranslation();
  // A post by a member the viewer blocked stays collapsed, as in topics, until they choose to see it.
  const [revealed, setRevealed] = useState(false);
  const collapsed = post.blockedAuthor && !revealed;
  return (
    <li className="profile-post">
      <p>
        <Link to={`/t/${post.topic.id}#post-${post.id}`}>{t('profiles.inTopic', { title: post.topic.title })}</Link>{' '}
        <time className="muted" dateTime={post.createdAt}>
          {formatDateTime(post.createdAt, i18n.language)}
        </time>
      </p>
      {collapsed ? (
        <p className="muted">
          {t('blocks.collapsed')}{' '}
          <button type="button" className="link-button" onClick={() => setRevealed(true)}>
            {t('blocks.show')}
          </button>
        </p>
      ) : post.contentWarning ? (
        <details className="content-warning">
          <summary>{t('forum.contentWarningShow', { warning: post.contentWarning })}</summary>
          <RenderedHtml html={post.html} />
        </details>
      ) : (
        <RenderedHtml html={post.html} />
      )}
    </li>
  );
}
