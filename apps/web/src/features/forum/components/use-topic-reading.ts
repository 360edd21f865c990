import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import type { MeDto, PostDto, TopicDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { postsKey } from '../api/posts';

/** A post's path in the client: the topic's slug (for people), its id (what counts) and the post's number. */
export function postPath(topic: Pick<TopicDto, 'id' | 'slug'>, number: number | null): string {
  return `/t/${encodeURIComponent(topic.slug)}/${topic.id}${number !== null ? `/${number}` : ''}`;
}

/** On <html> while earlier posts go in above the reader (reading.css). */
const PREPENDING = 'posts-prepending';
const POST_HASH = /^#post-([0-9a-f-]{36})$/i;

export interface TopicStart {
  /** The number the topic opens at; null: the top. */
  start: number | null;
  /** Whether the start is known, so the posts may load. */
  ready: boolean;
  /** A post asked for by its address (a link, a notification): highlighted and focused; the first unread is only scrolled to. */
  asked: boolean;
}

/**
 * Where a topic opens: the post number in the address (`/t/<slug>/<id>/<number>`), the post of an older
 * `#post-<id>` link (notifications, quotes: its number is asked once), else the member's first unread post,
 * else the top.
 */
export function useTopicStart(topic: TopicDto | undefined, me: MeDto | null | undefined, meLoading: boolean): TopicStart {
  const { number } = useParams();
  const { hash } = useLocation();
  const fromPath = number && /^[1-9]\d{0,8}$/.test(number) ? Number(number) : null;
  const hashId = fromPath === null ? (POST_HASH.exec(hash)?.[1] ?? null) : null;
  const linked = useQuery({
    queryKey: ['post', hashId],
    queryFn: () => api<PostDto>('GET', `/posts/${hashId ?? ''}`),
    enabled: hashId !== null,
    retry: false,
  });
  // The first unread post is where this visit opened: reading moves lastReadNumber on, and a refetched topic
  // (after an edit, a reply, a reconnect) must not carry the reader off to a new "first unread".
  const unread = !meLoading && me && topic ? { topicId: topic.id, start: firstUnread(topic) } : null;
  const [opened, setOpened] = useState<{ topicId: string; start: number | null } | null>(null);
  if (unread && opened?.topicId !== unread.topicId) setOpened(unread);
  if (fromPath !== null) return { start: fromPath, ready: true, asked: true };
  if (hashId !== null) {
    if (linked.isPending) return { start: null, ready: false, asked: true };
    return { start: linked.data?.number ?? null, ready: true, asked: true };
  }
  if (meLoading) return { start: null, ready: false, asked: false };
  if (!me) return { start: null, ready: true, asked: false };
  if (!topic || !unread) return { start: null, ready: false, asked: false };
  return { start: opened?.topicId === topic.id ? opened.start : unread.start, ready: true, asked: false };
}

function firstUnread(topic: TopicDto): number | null {
  const lastRead = topic.lastReadNumber ?? null;
  return lastRead !== null && lastRead > 0 && lastRead < topic.postCount ? lastRead + 1 : null;
}

interface Positioning {
  topicId: string;
  start: TopicStart;
  posts: PostDto[];
  /** The query has settled (nothing loading). */
  settled: boolean;
  hasEarlier: boolean;
  hasLater: boolean;
  loadingEarlier: boolean;
  fetchEarlier: () => unknown;
}

/**
 * Puts the reader at the start post once its page is shown (scrolled to the top of the window; focused when
 * the address asked for it, so a screen reader starts reading there), and loads earlier posts without
 * moving what the reader is looking at: the post at the top of the window is measured before the earlier
 * page is put above it and the window scrolled by however far it moved, before the browser paints.
 */
export function useTopicPositioning({ topicId, start, posts, settled, hasEarlier, hasLater, loadingEarlier, fetchEarlier }: Positioning) {
  const queryClient = useQueryClient();
  const positioned = useRef<string | null>(null);
  const key = `${topicId}/${start.start ?? 'top'}`;
  const reloadedFor = useRef<string | null>(null);
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const target = start.start;
  const numbers = useMemo(() => posts.flatMap((post) => (post.number === null ? [] : [post.number])), [posts]);
  const hasTarget = target !== null && numbers.includes(target);
  // Loaded pages hold the target, or it is past the end and they reach the end.
  const covered = target === null || hasTarget || (numbers.length > 0 && target > Math.max(...numbers) && !hasLater);

  // Pages cached from an earlier visit (or another post of this topic) may not hold the asked post: start again from it, once.
  useEffect(() => {
    if (!start.ready || !settled || covered || posts.length === 0 || reloadedFor.current === key) return;
    reloadedFor.current = key;
    void queryClient.resetQueries({ queryKey: postsKey(topicId) });
  }, [start.ready, settled, covered, posts.length, key, topicId, queryClient]);

  const loadEarlier = () => {
    if (!hasEarlier || loadingEarlier) return;
    const articles = [...document.querySelectorAll<HTMLElement>('article.post')];
    const focused = articles.find((article) => article.contains(document.activeElement) && onScreen(article));
    const first = focused ?? articles.find((article) => article.getBoundingClientRect().bottom > 0);
    anchor.current = first ? { id: first.id, top: first.getBoundingClientRect().top } : null;
    if (first) document.documentElement.classList.add(PREPENDING);
    void fetchEarlier();
  };
  const onReachTop = useEffectEvent(loadEarlier);

  // Put the reader in place once, then watch the line above the posts: reaching it loads the page above.
  useEffect(() => {
    if (positioned.current !== key) {
      if (!start.ready || !settled || !covered || posts.length === 0) return;
      // Past the end, the server answered the last page: the last post stands for the asked one.
      const number = target === null ? null : hasTarget ? target : (numbers[numbers.length - 1] ?? null);
      const article = number === null ? null : document.querySelector<HTMLElement>(`article[data-post-number="${number}"]`);
      if (article) {
        article.scrollIntoView({ block: 'start' });
        if (start.asked) article.focus({ preventScroll: true });
      }
      positioned.current = key;
    }
    const element = sentinelRef.current;
    if (!element || !hasEarlier) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onReachTop();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [key, start.ready, start.asked, settled, covered, posts, numbers, target, hasTarget, hasEarlier]);

  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held || loadingEarlier) return;
    anchor.current = null;
    const element = document.getElementById(held.id);
    const moved = element ? element.getBoundingClientRect().top - held.top : 0;
    if (moved !== 0) window.scrollBy(0, moved);
    // The browser's anchoring comes back once this frame is drawn (see reading.css).
    requestAnimationFrame(() => document.documentElement.classList.remove(PREPENDING));
  }, [posts, loadingEarlier]);

  return { sentinelRef, loadEarlier, highlighted: start.asked ? target : null };
}

function onScreen(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}
