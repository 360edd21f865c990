import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { REACTION_EMOJI, type PostDto } from '@harbour/contracts';
import { Menu, MenuItem } from '../../../ui/menu';
import { useReact } from '../api/posts';
import './reading.css';

/** What the post's menu may do; each is passed only when the post's `can` (or the topic's, for replies) allows it. */
export interface PostActionHandlers {
  reply?: () => void;
  quote?: () => void;
  edit?: () => void;
  bookmark?: () => void;
  history?: () => void;
  report?: () => void;
  remove?: () => void;
  /** Ask to learn who wrote an anonymous post: for those who moderate its space. */
  unmask?: () => void;
  /** Read the email a reply by email came as: for those who moderate its space. */
  emailOriginal?: () => void;
  /** The post's full address, to copy; absent for a reply held for review (it has no number yet). */
  link?: string;
}

/**
 * The compact action bar of a post: Reply and the reactions stay in view; the rest (quote, edit, bookmark,
 * copy link, history, report, delete) is in a "⋯" menu button, so a phone's row holds three targets, not seven.
 */
export function PostActions({ post, handlers }: { post: PostDto; handlers: PostActionHandlers }) {
  const { t } = useTranslation();
  const [pickerOpen, setPickerOpen] = useState(false);
  const [copied, setCopied] = useState('');
  const react = useReact(post.topicId);
  const { can } = post;
  const { reply, quote, edit, bookmark, history, report, remove, unmask, emailOriginal, link } = handlers;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(''), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copyLink = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('reading.linkCopied'));
    } catch {
      // No clipboard (an old browser, a refused permission): the address itself, to copy by hand.
      setCopied(t('reading.copyFailed', { url }));
    }
  };
  const hasMenu = Boolean(quote ?? edit ?? bookmark ?? history ?? report ?? remove ?? unmask ?? emailOriginal ?? link);

  return (
    <div className="post-actions">
      <div role="group" aria-label={t('forum.reactions')} className="reactions">
        {REACTION_EMOJI.map((emoji) => {
          const count = post.reactions[emoji] ?? 0;
          const pressed = post.myReactions.includes(emoji);
          // Used reactions always show; the rest only while the member is choosing one.
          if (count === 0 && !(can.react && pickerOpen)) return null;
          return (
            <button
              key={emoji}
              type="button"
              className="reaction"
              aria-pressed={pressed}
              disabled={!can.react}
              aria-label={t('forum.reactWith', { emoji, count })}
              onClick={() => {
                react.mutate({ id: post.id, emoji, on: !pressed });
                setPickerOpen(false);
              }}
            >
              <span aria-hidden="true">{emoji}</span>
              {count > 0 && <span aria-hidden="true"> {count}</span>}
            </button>
          );
        })}
        {can.react && (
          <button
            type="button"
            className="button-quiet button-small"
            aria-expanded={pickerOpen}
            onClick={() => setPickerOpen((open) => !open)}
          >
            {pickerOpen ? t('forum.closeReactions') : t('forum.addReaction')}
          </button>
        )}
      </div>
      {reply && (
        <button type="button" className="button-quiet button-small" data-shortcut="reply" onClick={reply}>
          {t('forum.reply')}
        </button>
      )}
      {hasMenu && (
        <Menu
          label={post.number !== null ? t('reading.moreActions', { number: post.number }) : t('reading.moreActionsPlain')}
          buttonClassName="button-quiet button-small post-more"
          buttonContent={<span aria-hidden="true">⋯</span>}
        >
          {quote && <MenuItem onSelect={quote}>{t('forum.quote')}</MenuItem>}
          {edit && <MenuItem onSelect={edit}>{t('forum.edit')}</MenuItem>}
          {bookmark && <MenuItem onSelect={bookmark}>{post.bookmarked ? t('reading.removeBookmark') : t('forum.bookmark')}</MenuItem>}
          {link && <MenuItem onSelect={() => void copyLink(link)}>{t('reading.copyLink')}</MenuItem>}
          {history && <MenuItem onSelect={history}>{t('forum.history')}</MenuItem>}
          {report && <MenuItem onSelect={report}>{t('moderation.report.button')}</MenuItem>}
          {unmask && <MenuItem onSelect={unmask}>{t('anonymous.unmaskRequest')}</MenuItem>}
          {emailOriginal && <MenuItem onSelect={emailOriginal}>{t('mailReplies.showEmail')}</MenuItem>}
          {remove && (
            <MenuItem danger onSelect={remove}>
              {t('forum.delete')}
            </MenuItem>
          )}
        </Menu>
      )}
      {post.bookmarked && <span className="badge post-bookmarked">{t('forum.bookmarked')}</span>}
      {/* Always present, so that screen readers hear the words when they appear. */}
      <span role="status" className="post-copied">
        {copied}
      </span>
    </div>
  );
}
