import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import type { PostDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useMe } from '../../../lib/session';
import { useLiveTopic } from '../api/live-topic';
import { useReply, useTopicPosts } from '../api/posts';
import { useMarkRead, useTopic, useUpdateTopic } from '../api/topics';
import { LazyComposer as Composer, LazyNotificationLevelMenu, LazyReportDialog as ReportDialog } from './lazy-parts';
import { anonymousName } from '../../shared/components/anonymous-name';
import { PostView } from './post-view';
import { TopicNotices, useFollowMergedTopic } from './topic-surgery-notices';
import { LazyTopicSurgeryTools, PostSelectionContext, usePostSelection } from './topic-surgery-selection';
import { buildThread, type ThreadNode } from './thread';
import { useTopicPositioning, useTopicStart } from './use-topic-reading';

type ViewMode = 'threaded' | 'flat';
const VIEW_KEY = 'harbour.topicView';

export function TopicPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const topic = useTopic(id);
  const start = useTopicStart(topic.data, me.data, me.isPending);
  const posts = useTopicPosts(id, start.start, start.ready);
  const reply = useReply(id);
  // `mutate` is stable (TanStack Query keeps it for the component's life): the effect below re-runs on new posts only.
  const { mutate: markReadUpTo } = useMarkRead(id);
  const updateTopic = useUpdateTopic(id);
  const live = useLiveTopic(id, me.data?.id);
  const surgery = usePostSelection();
  useFollowMergedTopic(id, topic.data);
  const [mode, setMode] = useState<ViewMode>(() => (localStorage.getItem(VIEW_KEY) === 'flat' ? 'flat' : 'threaded'));
  const [replyTo, setReplyTo] = useState<{ post: PostDto; quote?: string } | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [held, setHeld] = useState(false);
  const [reporting, setReporting] = useState(false);
  const all = useMemo(() => posts.data?.pages.flatMap((page) => page.items) ?? [], [posts.data]);
  // What the caller may do comes with the topic (api.md 1.1 `can`), computed by the rules the server enforces.
  const canReply = topic.data?.can.reply === true;
  const lastId = all[all.length - 1]?.id;
  const { sentinelRef, loadEarlier, highlighted } = useTopicPositioning({
    topicId: id,
    start,
    posts: all,
    // The posts are on the page only once the topic has loaded too (until then the page shows "Loading"): placing the
    // reader earlier found no article, and a slow topic answer left a linked post unfocused.
    settled: posts.isSuccess && !posts.isFetching && topic.data !== undefined,
    hasEarlier: posts.hasPreviousPage,
    hasLater: posts.hasNextPage,
    loadingEarlier: posts.isFetchingPreviousPage,
    fetchEarlier: posts.fetchPreviousPage,
  });

  const myId = me.data?.id;
  useEffect(() => {
    // Reading up to the last loaded post; runs again only when a newer post is loaded.
    if (myId && lastId) markReadUpTo(lastId);
  }, [lastId, myId, markReadUpTo]);

  useEffect(() => {
    // j / k move between posts, as in most forums; never while typing.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)
        return;
      if (event.key !== 'j' && event.key !== 'k') return;
      const articles = [...document.querySelectorAll<HTMLElement>('article.post')];
      const current = articles.findIndex((article) => article.contains(document.activeElement));
      const next = articles[event.key === 'j' ? current + 1 : Math.max(0, current - 1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (topic.isError) {
    return (
      <Page title={t('app.notFound')}>
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    );
  }
  if (!topic.data) return <p>{t('app.loading')}</p>;

  const chooseMode = (next: ViewMode) => {
    setMode(next);
    localStorage.setItem(VIEW_KEY, next);
  };
  const startReply = (post: PostDto, quote?: string) => setReplyTo({ post, quote });
  /** The "new replies" marker: focus the first post that arrived live, without having jumped there. */
  const showFresh = () => {
    const first = live.fresh[0];
    live.clearFresh();
    if (first) document.getElementById(`post-${first}`)?.focus();
  };
  const toggle = (postId: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(postId)) next.delete(postId);
      else next.add(postId);
      return next;
    });

  const renderNodes = (nodes: ThreadNode[], depth: number) => (
    <ul className={depth === 0 ? 'thread' : 'thread thread-nested'}>
      {nodes.map((node) => (
        <li key={node.post.id}>
          <PostView
            post={node.post}
            me={me.data}
            canReply={canReply}
            canModerate={topic.data.can.moderate}
            onReply={startReply}
            topicSlug={topic.data.slug}
            highlighted={node.post.number !== null && node.post.number === highlighted}
          >
            {node.replies.length > 0 && (
              <button
                type="button"
                className="link-button"
                aria-expanded={!collapsed.has(node.post.id)}
                onClick={() => toggle(node.post.id)}
              >
                {collapsed.has(node.post.id) ? t('forum.showReplies', { count: node.replies.length }) : t('forum.hideReplies')}
              </button>
            )}
          </PostView>
          {node.replies.length > 0 && !collapsed.has(node.post.id) && renderNodes(node.replies, depth + 1)}
        </li>
      ))}
    </ul>
  );

  // A quote ends with a link to the post it comes from, so readers can see it in its context.
  const quotePrefix = replyTo?.quote
    ? `> ${replyTo.quote.split('\n').join('\n> ')}\n>\n> — [${replyTo.post.author ? `@${replyTo.post.author.username}` : anonymousName(replyTo.post.anonymousLabel, t)}](/t/${id}#post-${replyTo.post.id})\n\n`
    : '';

  return (
    <Page title={topic.data.title}>
      <p className="muted">
        <Link to={`/c/${topic.data.categoryId}`}>{t('forum.backToCategory')}</Link>
        {topic.data.pinned && <span className="badge">{t('forum.pinned')}</span>}
        {topic.data.locked && <span className="badge">{t('forum.locked')}</span>}
        {topic.data.slowModeSeconds > 0 && (
          <span className="badge">{t('forum.slowMode', { count: Math.round(topic.data.slowModeSeconds / 60) || 1 })}</span>
        )}
      </p>
      <div className="toolbar">
        {me.data && <LazyNotificationLevelMenu target={{ topicId: topic.data.id }} level={topic.data.notificationLevel} />}
        <div role="group" aria-label={t('forum.viewMode')}>
          <button type="button" aria-pressed={mode === 'threaded'} onClick={() => chooseMode('threaded')}>
            {t('forum.threaded')}
          </button>
          <button type="button" aria-pressed={mode === 'flat'} onClick={() => chooseMode('flat')}>
            {t('forum.flat')}
          </button>
        </div>
        {topic.data.can.flag && (
          <button type="button" onClick={() => setReporting(true)}>
            {t('moderation.report.topic')}
          </button>
        )}
        {reporting && <ReportDialog targetType="topic" targetId={topic.data.id} onClose={() => setReporting(false)} />}
        {topic.data.can.moderate && (
          <div role="group" aria-label={t('forum.moderate')}>
            <button type="button" aria-pressed={topic.data.pinned} onClick={() => updateTopic.mutate({ pinned: !topic.data.pinned })}>
              {topic.data.pinned ? t('forum.unpin') : t('forum.pin')}
            </button>
            <button type="button" aria-pressed={topic.data.locked} onClick={() => updateTopic.mutate({ locked: !topic.data.locked })}>
              {topic.data.locked ? t('forum.unlock') : t('forum.lock')}
            </button>
            <label>
              {t('forum.slowModeLabel')}{' '}
              <select
                value={topic.data.slowModeSeconds}
                onChange={(event) => updateTopic.mutate({ slowModeSeconds: Number(event.target.value) })}
              >
                {[0, 60, 300, 900, 3600].map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {seconds === 0 ? t('forum.slowModeOff') : t('forum.slowMode', { count: seconds / 60 })}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </div>
      {topic.data.can.moderate && <LazyTopicSurgeryTools topic={topic.data} surgery={surgery} />}
      <p className="muted keyboard-hint">{t('forum.keyboardHint')}</p>
      {/* Not a live region: readers come and go too often to announce; new replies have their own status. */}
      <p className="muted presence">
        {[
          live.joined ? t('forum.live') : t('forum.reconnecting'),
          live.readers > 0 ? t('forum.readers', { count: live.readers }) : null,
          live.typing.length > 0
            ? t('forum.typing', { names: live.typing.map((user) => user.displayName).join(', '), count: live.typing.length })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {/* Reaching this line loads the posts above (see useTopicPositioning); the button does the same by hand. */}
      <div ref={sentinelRef} className="posts-earlier">
        {posts.hasPreviousPage && (
          <button type="button" onClick={loadEarlier} disabled={posts.isFetchingPreviousPage}>
            {t('reading.loadEarlier')}
          </button>
        )}
      </div>
      {!posts.data && <p aria-busy="true">{t('reading.loading')}</p>}
      <PostSelectionContext.Provider value={surgery.value}>
        {mode === 'threaded' ? (
          renderNodes(buildThread(all), 0)
        ) : (
          <ol className="thread flat">
            {all.map((post) => (
              <li key={post.id}>
                <PostView
                  post={post}
                  me={me.data}
                  canReply={canReply}
                  onReply={startReply}
                  topicSlug={topic.data.slug}
                  highlighted={post.number !== null && post.number === highlighted}
                />
              </li>
            ))}
          </ol>
        )}
      </PostSelectionContext.Provider>
      {!posts.hasNextPage && <TopicNotices topicId={topic.data.id} />}
      {(live.fresh.length > 0 || live.waiting > 0) && (
        <div className="new-replies" role="status">
          {live.fresh.length > 0 ? (
            <button type="button" onClick={showFresh}>
              {t('forum.newReplies', { count: live.fresh.length })}
            </button>
          ) : (
            <span>{t('forum.newRepliesBelow', { count: live.waiting })}</span>
          )}
        </div>
      )}
      {posts.hasNextPage && (
        <button type="button" onClick={() => void posts.fetchNextPage()} disabled={posts.isFetchingNextPage}>
          {t('forum.loadMorePosts')}
        </button>
      )}
      {canReply ? (
        <section aria-labelledby="reply-heading" className="reply-box">
          <h2 id="reply-heading">
            {replyTo
              ? t('forum.replyingTo', { name: replyTo.post.author?.displayName ?? anonymousName(replyTo.post.anonymousLabel, t) })
              : t('forum.replyToTopic')}
          </h2>
          {replyTo && (
            <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
              {t('forum.replyToTopicInstead')}
            </button>
          )}
          {held && <Alert kind="info">{t('forum.heldForReview')}</Alert>}
          <Composer
            key={`${replyTo?.post.id ?? 'topic'}-${replyTo?.quote ?? ''}`}
            label={t('forum.yourReply')}
            submitLabel={t('forum.postReply')}
            initialBody={quotePrefix}
            withContentWarning
            autoFocus={replyTo !== null}
            onType={live.typed}
            topicId={id}
            anonymityOf={topic.data.categoryId}
            draft={{ key: `topic:${topic.data.id}` }}
            onSubmit={async (value) => {
              const posted = await reply.mutateAsync({
                ...value,
                parentId: replyTo?.post.id,
                quotes: replyTo?.quote ? [replyTo.post.id] : undefined,
              });
              setHeld(posted.pendingReview === true);
              setReplyTo(null);
            }}
          />
        </section>
      ) : (
        !me.data && (
          <p>
            <Link to="/sign-in">{t('forum.signInToReply')}</Link>
          </p>
        )
      )}
      {topic.data.locked && !canReply && <p className="muted">{t('forum.lockedNotice')}</p>}
    </Page>
  );
}
