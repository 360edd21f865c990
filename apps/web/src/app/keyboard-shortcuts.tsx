import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useNavigate } from 'react-router';
import { Dialog } from '../ui/dialog';
import { Skeleton } from '../ui/skeleton';

// The list is only read once the dialog opens: it stays out of every first load.
const ShortcutList = lazy(() => import('./shortcut-list').then((m) => ({ default: m.ShortcutList })));

/** After g, the second key must follow within this time (as in Discourse and GitHub). */
const SEQUENCE_MS = 1500;
const GO_TO: Record<string, string> = { h: '/', n: '/notifications', m: '/messages', b: '/bookmarks' };

/** Typing in a field, or a modal dialog open, turns every shortcut off. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** r: reply to the post that has focus (its [data-shortcut="reply"] button), else to the topic. */
function reply(): boolean {
  const post = document.activeElement?.closest('article.post, [data-post-number]');
  const postButton = post?.querySelector<HTMLElement>('[data-shortcut="reply"]');
  if (postButton) {
    postButton.click();
    return true;
  }
  const topicReply =
    document.querySelector<HTMLElement>('[data-shortcut="reply-topic"]') ?? document.querySelector<HTMLElement>('.reply-box textarea');
  if (!topicReply) return false;
  if (topicReply instanceof HTMLTextAreaElement) topicReply.focus();
  else topicReply.click();
  return true;
}

/**
 * The site's keyboard shortcuts and the "?" dialog that lists them; the footer's button opens it too.
 * j / k are the topic page's and the review queue's own (they know their items); this handler does the rest.
 */
export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const pendingG = useRef(0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
      if (document.querySelector('dialog[open]')) return;
      const afterG = Date.now() - pendingG.current < SEQUENCE_MS;
      pendingG.current = 0;
      const destination = afterG ? GO_TO[event.key] : undefined;
      if (destination) {
        event.preventDefault();
        void navigate(destination);
        return;
      }
      if (event.key === 'g') pendingG.current = Date.now();
      else if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === '/') {
        const search = document.getElementById('header-search');
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === 'r' && reply()) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <>
      <button type="button" className="link-like" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('design.shortcuts.open')}
      </button>
      {open && (
        <Dialog title={t('design.shortcuts.title')} onClose={() => setOpen(false)}>
          <Suspense fallback={<Skeleton lines={4} />}>
            <ShortcutList />
          </Suspense>
          <form method="dialog" className="form-actions">
            <button type="submit" className="button-primary">
              {t('design.shortcuts.close')}
            </button>
          </form>
        </Dialog>
      )}
    </>
  );
}
