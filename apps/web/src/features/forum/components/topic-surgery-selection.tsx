import { createContext, lazy, Suspense, useContext, useMemo, useState, type ComponentProps } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { PostDto } from '@harbour/contracts';
import type { TopicSurgeryTools as ToolsComponent } from './topic-surgery-tools';
import './topic-surgery.css';

/** The posts a moderator ticked in "Select posts" mode (null context: not selecting, no boxes shown). */
export interface PostSelection {
  selected: ReadonlySet<string>;
  toggle: (postId: string) => void;
}

export const PostSelectionContext = createContext<PostSelection | null>(null);

/** The topic page's selection state: the context value while selecting, and ways to start, stop and clear. */
export function usePostSelection() {
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const value = useMemo<PostSelection | null>(
    () =>
      selecting
        ? {
            selected,
            toggle: (postId) =>
              setSelected((current) => {
                const next = new Set(current);
                if (next.has(postId)) next.delete(postId);
                else next.add(postId);
                return next;
              }),
          }
        : null,
    [selecting, selected],
  );
  return {
    value,
    selecting,
    selected,
    setSelecting: (on: boolean) => {
      setSelecting(on);
      if (!on) setSelected(new Set());
    },
  };
}
export type PostSelectionState = ReturnType<typeof usePostSelection>;

/** A post's tick box while selecting; never on the first post, which stays with its topic. */
export function PostSelectBox({ post }: { post: PostDto }) {
  const selection = useContext(PostSelectionContext);
  const { t } = useTranslation();
  if (!selection || post.number === 1) return null;
  return (
    <input
      type="checkbox"
      className="post-select"
      aria-label={post.number === null ? t('surgery.selectHeld') : t('surgery.selectPost', { number: post.number })}
      checked={selection.selected.has(post.id)}
      onChange={() => selection.toggle(post.id)}
    />
  );
}

// The tools are for moderators only: a reader's first load never downloads them.
const LoadedTools = lazy(() => import('./topic-surgery-tools').then((m) => ({ default: m.TopicSurgeryTools })));

export function LazyTopicSurgeryTools(props: ComponentProps<typeof ToolsComponent>) {
  return (
    <Suspense fallback={null}>
      <LoadedTools {...props} />
    </Suspense>
  );
}
