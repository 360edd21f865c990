import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { RouteLink } from '../../../ui/route-link';
import type { MeDto, PostDto } from '@harbour/contracts';
import { isSiteStaff } from '../../../lib/session';
import { useBookmark, useDeletePost, useEditPost, useRevisions } from '../api/posts';
import { AuthorName } from '../../shared/components/author-name';
import { Avatar } from '../../shared/components/avatar';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { useBlockedReveal } from '../../shared/components/use-blocked-reveal';
import { LazyComposer as Composer, LazyReportDialog as ReportDialog } from './lazy-parts';
import { EmailOriginal } from './email-original';
import { PostActions } from './post-actions';
import { PostSelectBox } from './topic-surgery-selection';
import { postPath } from './use-topic-reading';
import { formatDateTime } from '../../../lib/dates';
import { anonymousName } from '../../shared/components/anonymous-name';
import { LazyUnmaskDialog } from './lazy-unmask-dialog';

interface PostViewProps {
  post: PostDto;
  me: MeDto | null | undefined;
  canReply: boolean;
  /** The reader moderates the topic's space (`topic.can.moderate`): they may ask to unmask an anonymous post. */
  canModerate?: boolean;
  onReply: (post: PostDto, quote?: string) => void;
  /** The topic's slug, for the post's own address. */
  topicSlug: string;
  /** The post a link asked for: marked, so the eye finds it. */
  highlighted?: boolean;
  children?: ReactNode;
}

/** One post: content warning collapsed until opened, the rendered body, and its actions. */
export function PostView({ post, me, canReply, canModerate = false, onReply, topicSlug, highlighted = false, children }: PostViewProps) {
  const { t, i18n } = useTranslation();
  // The revision the edit started from: if someone saves in between, the server refuses ours (409), not theirs.
  const [editingFrom, setEditingFrom] = useState<number | null>(null);
  const editing = editingFrom !== null;
  const setEditing = (on: boolean) => setEditingFrom(on ? post.revision : null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [unmasking, setUnmasking] = useState(false);
  const [emailOpen, setEmailOpen] = useState(false);
  // A post by a member the reader blocked starts collapsed (api.md 1.1, Blocking): one click shows it.
  const { article, revealed, reveal } = useBlockedReveal();
  const remove = useDeletePost(post.topicId);
  const bookmark = useBookmark(post.topicId);
  // Every action shows exactly when the post's `can` (or the topic's, for replies) says the server would allow it.
  const { can } = post;
  const mine = me !== null && me !== undefined && post.author?.id === me.id;
  const path = post.number !== null ? postPath({ id: post.topicId, slug: topicSlug }, post.number) : null;
  const date = (iso: string) => formatDateTime(iso, i18n.language);

  const quoteSelection = () => {
    const selected = window.getSelection()?.toString().trim();
    onReply(post, selected || post.body);
  };

  if (post.blockedAuthor && !revealed) {
    return (
      <article ref={article} className="post post-collapsed" id={`post-${post.id}`} tabIndex={-1} data-post-number={post.number}>
        <p className="muted">
          {t('blocks.collapsed')}{' '}
          <button type="button" aria-expanded={false} aria-label={t('blocks.showLabel')} onClick={() => reveal(true)}>
            {t('blocks.show')}
          </button>
        </p>
        {children}
      </article>
    );
  }

  const body = post.deleted ? (
    <p className="muted">{t('forum.deletedPost')}</p>
  ) : post.hidden && !post.html ? (
    <p className="muted">{t('forum.hiddenPost')}</p>
  ) : editingFrom !== null ? (
    <PostEditor post={post} from={editingFrom} onDone={() => setEditing(false)} />
  ) : post.contentWarning ? (
    <details className="content-warning">
      <summary>{t('forum.contentWarningShow', { warning: post.contentWarning })}</summary>
      <RenderedHtml html={post.html} />
    </details>
  ) : (
    <RenderedHtml html={post.html} />
  );

  return (
    <article
      ref={article}
      className={highlighted ? 'post post-target' : 'post'}
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={`post-${post.id}-by`}
      data-post-number={post.number}
    >
      <header className="post-header">
        <PostSelectBox post={post} />
        <Avatar user={post.author} size={28} />{' '}
        <span id={`post-${post.id}-by`} className="post-author">
          {post.author ? (
            <AuthorName user={post.author} />
          ) : post.anonymousLabel && !post.deleted ? (
            anonymousName(post.anonymousLabel, t)
          ) : (
            t('forum.deletedAuthor')
          )}
        </span>{' '}
        {isSiteStaff(me) && post.author && !mine && (
          <RouteLink to={`/moderation/users/${post.author.id}`} className="muted">
            {t('moderation.queue.record')}
          </RouteLink>
        )}{' '}
        <time className="muted" dateTime={post.createdAt}>
          {date(post.createdAt)}
        </time>{' '}
        {path && (
          <RouteLink to={path} className="post-number" aria-label={t('reading.linkTo', { number: post.number })}>
            {t('reading.number', { number: post.number })}
          </RouteLink>
        )}
        {post.editedAt && <span className="muted"> · {t('forum.edited')}</span>}
        {post.viaEmail && <span className="muted"> · {t('mailReplies.byEmail')}</span>}
        {post.wiki && <span className="badge">{t('forum.wiki')}</span>}
        {post.blockedAuthor && (
          <button type="button" className="link-button" aria-expanded onClick={() => reveal(false)}>
            {t('blocks.hide')}
          </button>
        )}
      </header>
      {body}
      {!post.deleted && !editing && (
        <PostActions
          post={post}
          handlers={{
            reply: canReply ? () => onReply(post) : undefined,
            quote: canReply && can.quote ? quoteSelection : undefined,
            edit: can.edit ? () => setEditing(true) : undefined,
            bookmark: me ? () => bookmark.mutate({ id: post.id, on: !post.bookmarked }) : undefined,
            history: post.editedAt ? () => setHistoryOpen((open) => !open) : undefined,
            report: can.flag ? () => setReporting(true) : undefined,
            unmask: canModerate && post.anonymousLabel ? () => setUnmasking(true) : undefined,
            // An anonymous post keeps no email (its From line would name the author).
            emailOriginal: canModerate && post.viaEmail && !post.anonymousLabel ? () => setEmailOpen((open) => !open) : undefined,
            remove: can.delete
              ? () => {
                  if (window.confirm(t('forum.deleteConfirm'))) remove.mutate(post.id);
                }
              : undefined,
            link: path ? new URL(path, window.location.origin).href : undefined,
          }}
        />
      )}
      {reporting && <ReportDialog targetType="post" targetId={post.id} onClose={() => setReporting(false)} />}
      {unmasking && <LazyUnmaskDialog postId={post.id} onClose={() => setUnmasking(false)} />}
      {historyOpen && <PostHistory post={post} />}
      {emailOpen && <EmailOriginal postId={post.id} onClose={() => setEmailOpen(false)} />}
      {children}
    </article>
  );
}

/*
 * The editor and the history exist only while open: a topic page draws 50 posts at once, and a query or mutation
 * observer per post (most never used) was a measurable part of a slow phone's first load.
 */

/** The post's body in the composer, saved as an edit of the revision it started from. */
function PostEditor({ post, from, onDone }: { post: PostDto; from: number; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditPost(post.topicId);
  return (
    <Composer
      label={t('forum.editLabel')}
      submitLabel={t('forum.saveEdit')}
      initialBody={post.body}
      topicId={post.topicId}
      autoFocus
      onSubmit={async ({ body: next }) => {
        await edit.mutateAsync({ id: post.id, body: next, baseRevision: from });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

/** The post's earlier versions, each with who edited it and when. */
function PostHistory({ post }: { post: PostDto }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(post.id, true);
  return (
    <section className="revisions" aria-label={t('forum.history')}>
      {revisions.data?.items.map((revision) => (
        <div key={revision.editedAt} className="revision">
          <p className="muted revision-editor">{t(`forum.editedBy.${revision.editedBy}`, { name: post.author?.displayName ?? '' })}</p>
          <p className="muted">{t('forum.revisionOf', { date: formatDateTime(revision.editedAt, i18n.language) })}</p>
          <pre>{revision.body}</pre>
        </div>
      ))}
    </section>
  );
}
