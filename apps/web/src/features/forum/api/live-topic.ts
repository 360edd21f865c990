import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ClientEventAnswer, PageDto, PostDto, UserDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { useRealtime, useSocketEvent } from '../../../lib/realtime';
import { useBlocks } from '../../shared/api/blocks';
import { postsKey } from './posts';

type Pages = InfiniteData<PageDto<PostDto>>;
const TYPING_EVERY_MS = 3000;
/**
 * Posts heard in the room carry no `can` (the room hears a post as everyone does): the reader's own view of
 * them is fetched once per burst, after a spread-out pause so that a room of readers does not ask at once.
 */
const OWN_VIEW_DELAY_MS = { min: 300, spread: 1000 };
/** Leaving and typing need no answer (a refusal changes nothing the reader sees). */
const ignoreAnswer = (): void => undefined;

export interface LiveTopic {
  /** In the topic's room: new posts arrive by themselves. False while reconnecting. */
  joined: boolean;
  readers: number;
  typing: UserDto[];
  /** Posts by others that arrived live since the page was opened, oldest first (the "new replies" marker). */
  fresh: string[];
  /** Posts that arrived while older pages are still unloaded: "load more" brings them. */
  waiting: number;
  clearFresh: () => void;
  /** Call while the member types a reply; sent at most every few seconds. */
  typed: () => void;
}

/** Adds posts to the loaded pages (at the end), skipping any already there. */
function appendPosts(data: Pages | undefined, posts: PostDto[]): Pages | undefined {
  if (!data) return data;
  const known = new Set(data.pages.flatMap((page) => page.items.map((post) => post.id)));
  const added = posts.filter((post) => !known.has(post.id));
  // A known post heard again is the author's own held reply, approved: it now has its number.
  const approved = new Map(posts.filter((post) => known.has(post.id)).map((post) => [post.id, post]));
  if (approved.size > 0) data = withApproved(data, approved);
  if (added.length === 0) return data;
  const pages = [...data.pages];
  const last = pages[pages.length - 1];
  if (!last) return data;
  pages[pages.length - 1] = { ...last, items: [...last.items, ...added] };
  return { ...data, pages };
}

function withApproved(data: Pages, approved: Map<string, PostDto>): Pages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((post) => {
        const fresh = approved.get(post.id);
        return fresh ? { ...fresh, myReactions: post.myReactions, bookmarked: post.bookmarked, can: post.can } : post;
      }),
    })),
  };
}

/** Puts the reader's own view of posts (their `can` and marks) in place of the room's. */
function withOwnView(data: Pages | undefined, posts: PostDto[]): Pages | undefined {
  if (!data) return data;
  const own = new Map(posts.map((post) => [post.id, post]));
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((post) => own.get(post.id) ?? post) })) };
}

function replacePost(data: Pages | undefined, id: string, change: (post: PostDto) => PostDto): Pages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.map((post) => (post.id === id ? change(post) : post)) })),
  };
}

/**
 * Keeps an open topic live: joins its socket room (again after every reconnection, then fetches the
 * posts after the last one it has), inserts new posts without moving the reader, applies edits and
 * deletions, and follows who is reading and typing.
 */
export function useLiveTopic(topicId: string, myId: string | undefined): LiveTopic {
  const queryClient = useQueryClient();
  const { socket, connectedAt } = useRealtime();
  const [readers, setReaders] = useState(0);
  const [typing, setTyping] = useState<UserDto[]>([]);
  const [fresh, setFresh] = useState<string[]>([]);
  const [waiting, setWaiting] = useState(0);
  const [joined, setJoined] = useState(false);
  const joinedBefore = useRef(false);
  const lastTyped = useRef(0);
  /** The lowest number among posts heard in the room and still shown without the reader's own view. */
  const ownViewFrom = useRef<number | null>(null);

  // The room hears a post as everyone does (it never says who blocked whom): a post by a member this reader
  // blocked is collapsed from the start, before the reader's own view of it arrives.
  const blocks = useBlocks(myId !== undefined);
  const blockedIds = new Set(blocks.data?.items.map((user) => user.id));
  const asSeen = (post: PostDto): PostDto => (post.author && blockedIds.has(post.author.id) ? { ...post, blockedAuthor: true } : post);

  const pages = () => queryClient.getQueryData<Pages>(postsKey(topicId));
  const allLoaded = () => {
    const data = pages();
    return Boolean(data && data.pages[data.pages.length - 1]?.nextCursor === null);
  };
  const receive = (posts: PostDto[]) => {
    if (posts.length === 0) return;
    if (!allLoaded()) {
      setWaiting((count) => count + posts.length);
      return;
    }
    queryClient.setQueryData<Pages>(postsKey(topicId), (data) => appendPosts(data, posts.map(asSeen)));
    const others = posts.filter((post) => post.author?.id !== myId).map((post) => post.id);
    if (others.length > 0) setFresh((current) => [...current, ...others.filter((id) => !current.includes(id))]);
  };

  /** Back after a disconnection: fetch what was posted meanwhile (an effect event: it reads the latest pages). */
  const catchUp = useEffectEvent(() => {
    if (!allLoaded()) return;
    // The last numbered post: a held reply (number null) has no place to count from.
    const last = pages()
      ?.pages.flatMap((page) => page.items)
      .findLast((post) => post.number !== null);
    if (last)
      void api<PageDto<PostDto>>('GET', `/topics/${topicId}/posts?after=${last.number}&limit=100`).then((page) => receive(page.items));
  });

  useEffect(() => {
    if (!socket || connectedAt === 0) return;
    void socket
      .timeout(5000)
      .emitWithAck('topic:join', { topicId })
      // socket.io-client types the answer of a timed emitWithAck as `any`: name it from the contract.
      .then((answer: ClientEventAnswer<'topic:join'>) => setJoined(answer.ok))
      .catch(() => setJoined(false));
    const lost = () => setJoined(false);
    socket.on('disconnect', lost);
    if (joinedBefore.current) catchUp();
    joinedBefore.current = true;
    return () => {
      socket.off('disconnect', lost);
      socket.emit('topic:leave', { topicId }, ignoreAnswer);
      setJoined(false);
    };
  }, [socket, connectedAt, topicId]);

  const fetchOwnView = () => {
    const from = ownViewFrom.current;
    ownViewFrom.current = null;
    if (from === null) return;
    void api<PageDto<PostDto>>('GET', `/topics/${topicId}/posts?after=${from - 1}&limit=100`).then((page) =>
      queryClient.setQueryData<Pages>(postsKey(topicId), (data) => withOwnView(data, page.items)),
    );
  };

  useSocketEvent('post:created', (post) => {
    if (post.topicId !== topicId) return;
    const shown = allLoaded();
    receive([post]);
    // A visitor's `can` is all false, as the room's is, and the author's own reply reloads the thread itself.
    if (!myId || post.author?.id === myId || !shown || post.number === null) return;
    const first = ownViewFrom.current === null;
    ownViewFrom.current = Math.min(ownViewFrom.current ?? post.number, post.number);
    if (first) setTimeout(fetchOwnView, OWN_VIEW_DELAY_MS.min + Math.random() * OWN_VIEW_DELAY_MS.spread);
  });
  useSocketEvent('post:updated', (post) => {
    if (post.topicId !== topicId) return;
    // The room hears a post as everyone sees it; the reader's own marks and `can` stay theirs.
    queryClient.setQueryData<Pages>(postsKey(topicId), (data) =>
      replacePost(data, post.id, (old) => ({
        ...post,
        myReactions: old.myReactions,
        bookmarked: old.bookmarked,
        blockedAuthor: old.blockedAuthor,
        can: old.can,
      })),
    );
  });
  useSocketEvent('post:deleted', (event) => {
    if (event.topicId !== topicId) return;
    queryClient.setQueryData<Pages>(postsKey(topicId), (data) =>
      replacePost(data, event.id, (old) => ({ ...old, deleted: true, body: '', html: '', author: null, reactions: {} })),
    );
  });
  useSocketEvent('topic:rearranged', (event) => {
    if (event.topicId !== topicId) return;
    // A split or merge moved posts: load the thread and its notices again (a merged-away topic's answer leads on).
    void queryClient.invalidateQueries({ queryKey: ['topic', topicId] });
    void queryClient.invalidateQueries({ queryKey: postsKey(topicId) });
    void queryClient.invalidateQueries({ queryKey: ['topic-notices', topicId] });
  });
  useSocketEvent('topic:presence', (presence) => {
    if (presence.topicId !== topicId) return;
    setReaders(presence.readers);
    // A member this reader blocked is not announced as typing either.
    setTyping(presence.typing.filter((user) => user.id !== myId && !blockedIds.has(user.id)));
  });

  return {
    joined,
    readers,
    typing,
    fresh,
    waiting,
    clearFresh: () => {
      setFresh([]);
      setWaiting(0);
    },
    typed: () => {
      if (!socket || Date.now() - lastTyped.current < TYPING_EVERY_MS) return;
      lastTyped.current = Date.now();
      socket.emit('topic:typing', { topicId }, ignoreAnswer);
    },
  };
}
