import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ClientEventAnswer, MessageDto, UserDto } from '@harbour/contracts';
import { useRealtime, useSocketEvent } from '../../../lib/realtime';
import { useBlocks } from '../../shared/api/blocks';
import { conversationKey, messagesKey, withMessage, type MessagePages } from './conversations';

/** Typing is told at most this often, and shown for a little longer than that after the last word. */
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 5000;
/** Typing needs no answer: a refusal changes nothing the member sees. */
const ignoreAnswer = (_answer: ClientEventAnswer<'conversation:typing'>): void => undefined;

export interface LiveConversation {
  /** Who else is typing in it now (never the member, never someone they blocked). */
  typing: UserDto[];
  /** The last message by someone else that arrived live, for the live region. */
  arrived: MessageDto | null;
  /** Call as the member types; the others are told at most every few seconds. */
  typed: () => void;
}

/**
 * Keeps an open conversation live: messages arriving or edited in any of the member's tabs and devices
 * (their own room hears every conversation of theirs), and who is typing.
 */
export function useLiveConversation(conversationId: string, myId: string | undefined): LiveConversation {
  const queryClient = useQueryClient();
  const { socket, connectedAt } = useRealtime();
  const blocks = useBlocks(myId !== undefined);
  const blockedIds = new Set(blocks.data?.items.map((user) => user.id) ?? []);
  const [typing, setTyping] = useState<{ user: UserDto; until: number }[]>([]);
  const [arrived, setArrived] = useState<MessageDto | null>(null);
  const lastTyped = useRef(0);

  // A reconnected tab catches up through the API on what it missed while offline (not at the connection the
  // page opened with: its first load came after that).
  const openedWith = useRef(connectedAt);
  useEffect(() => {
    if (connectedAt === 0 || connectedAt === openedWith.current) return;
    void queryClient.invalidateQueries({ queryKey: messagesKey(conversationId) });
    void queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) });
  }, [connectedAt, conversationId, queryClient]);

  // Typing fades out on its own: the next tick drops whoever has been quiet long enough.
  useEffect(() => {
    if (typing.length === 0) return;
    const next = Math.min(...typing.map((entry) => entry.until)) - Date.now();
    const timer = setTimeout(() => setTyping((current) => current.filter((entry) => entry.until > Date.now())), Math.max(next, 50));
    return () => clearTimeout(timer);
  }, [typing]);

  /** A message by someone the member blocked stays collapsed, even before the server's own view says so. */
  const seen = (message: MessageDto): MessageDto =>
    message.author && blockedIds.has(message.author.id) ? { ...message, blockedAuthor: true } : message;

  useSocketEvent('message:created', (message) => {
    if (message.conversationId !== conversationId) return;
    queryClient.setQueryData<MessagePages>(messagesKey(conversationId), (data) => withMessage(data, seen(message)));
    if (message.author && message.author.id !== myId) {
      setTyping((current) => current.filter((entry) => entry.user.id !== message.author?.id));
      if (!blockedIds.has(message.author.id)) setArrived(message);
    }
  });
  useSocketEvent('message:updated', (message) => {
    if (message.conversationId !== conversationId) return;
    queryClient.setQueryData<MessagePages>(messagesKey(conversationId), (data) => withMessage(data, seen(message)));
  });
  useSocketEvent('conversation:typing', (event) => {
    if (event.conversationId !== conversationId || event.user.id === myId || blockedIds.has(event.user.id)) return;
    const until = Date.now() + TYPING_SHOWN_MS;
    setTyping((current) => [...current.filter((entry) => entry.user.id !== event.user.id), { user: event.user, until }]);
  });

  return {
    typing: typing.map((entry) => entry.user),
    arrived,
    typed: () => {
      if (!socket || Date.now() - lastTyped.current < TYPING_EVERY_MS) return;
      lastTyped.current = Date.now();
      socket.emit('conversation:typing', { conversationId }, ignoreAnswer);
    },
  };
}
