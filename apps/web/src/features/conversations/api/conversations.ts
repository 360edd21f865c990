import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  AddParticipantBody,
  ConversationDto,
  CreateConversationBody,
  EditMessageBody,
  GroupDto,
  MessageDto,
  PageDto,
  ReadConversationBody,
  SendMessageBody,
  UserDto,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const enc = encodeURIComponent;

export const conversationsKey = ['conversations'] as const;
export const unreadConversationsKey = ['conversations', 'unread-count'] as const;
const listKey = (filter: InboxFilter) => ['conversations', 'list', filter] as const;
export const conversationKey = (id: string) => ['conversations', 'one', id] as const;
export const messagesKey = (id: string) => ['conversations', 'messages', id] as const;

export type MessagePages = InfiniteData<PageDto<MessageDto>, string | null>;

export interface InboxFilter {
  unread: boolean;
  q: string;
}

/** How many conversations have messages the member has not read: the header's count. */
export function useUnreadConversations(enabled: boolean) {
  return useQuery({
    queryKey: unreadConversationsKey,
    queryFn: () => api<{ count: number }>('GET', '/conversations/unread-count'),
    enabled,
  });
}

/** The inbox, latest activity first, a page at a time (`q`: the member's own conversations only). */
export function useConversations(filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: listKey(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '20' });
      if (filter.unread) query.set('unread', 'true');
      if (filter.q) query.set('q', filter.q);
      if (pageParam) query.set('cursor', pageParam);
      return api<PageDto<ConversationDto>>('GET', `/conversations?${query.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useConversation(id: string) {
  return useQuery({ queryKey: conversationKey(id), queryFn: () => api<ConversationDto>('GET', `/conversations/${enc(id)}`), retry: false });
}

const MESSAGES_PAGE = 100;

/**
 * A conversation's messages, oldest first. The next page starts after the last message loaded (`after`), so
 * messages that arrived live and were appended are not loaded twice.
 */
export function useMessages(id: string) {
  return useInfiniteQuery({
    queryKey: messagesKey(id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<MessageDto>>(
        'GET',
        `/conversations/${enc(id)}/messages?limit=${MESSAGES_PAGE}${pageParam ? `&after=${enc(pageParam)}` : ''}`,
      ),
    getNextPageParam: (page) => (page.nextCursor ? (page.items[page.items.length - 1]?.id ?? null) : null),
  });
}

/** Puts a message in the loaded pages: replaces it if it is there, else appends it when the last page is loaded. */
export function withMessage(data: MessagePages | undefined, message: MessageDto): MessagePages | undefined {
  if (!data) return data;
  const known = data.pages.some((page) => page.items.some((item) => item.id === message.id));
  if (known) {
    return {
      ...data,
      pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === message.id ? message : item)) })),
    };
  }
  const last = data.pages[data.pages.length - 1];
  // Older pages still to load: the message comes with them, in its place.
  if (!last || last.nextCursor) return data;
  return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, message] }] };
}

/** The inbox, the count and the conversation are read again after something changed in one. */
export function useRefreshConversations() {
  const queryClient = useQueryClient();
  return useCallback(
    (id?: string) => {
      void queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: unreadConversationsKey });
      if (id) void queryClient.invalidateQueries({ queryKey: conversationKey(id) });
    },
    [queryClient],
  );
}

export function useCreateConversation() {
  const refresh = useRefreshConversations();
  return useMutation({
    mutationFn: (input: CreateConversationBody) => api<ConversationDto>('POST', '/conversations', input),
    onSuccess: () => refresh(),
  });
}

export function useSendMessage(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConversations();
  return useMutation({
    mutationFn: (input: SendMessageBody) => api<MessageDto>('POST', `/conversations/${enc(id)}/messages`, input),
    onSuccess: (message) => {
      queryClient.setQueryData<MessagePages>(messagesKey(id), (data) => withMessage(data, message));
      refresh(id);
    },
  });
}

export function useEditMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, ...input }: { messageId: string } & EditMessageBody) =>
      api<MessageDto>('PATCH', `/conversations/${enc(id)}/messages/${enc(messageId)}`, input),
    onSuccess: (message) => queryClient.setQueryData<MessagePages>(messagesKey(id), (data) => withMessage(data, message)),
  });
}

/** Reading up to a message: the conversation's unread count and the header's count go down. */
export function useMarkConversationRead(id: string) {
  const refresh = useRefreshConversations();
  return useMutation({
    mutationFn: (messageId: string) => api<void>('PUT', `/conversations/${enc(id)}/read`, { messageId } satisfies ReadConversationBody),
    onSuccess: () => refresh(id),
  });
}

export function useAddParticipant(id: string) {
  const refresh = useRefreshConversations();
  return useMutation({
    mutationFn: (username: string) =>
      api<void>('POST', `/conversations/${enc(id)}/participants`, { username } satisfies AddParticipantBody),
    onSuccess: () => refresh(id),
  });
}

export function useLeaveConversation(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConversations();
  return useMutation({
    mutationFn: () => api<void>('DELETE', `/conversations/${enc(id)}/participants/me`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: conversationKey(id) });
      queryClient.removeQueries({ queryKey: messagesKey(id) });
      refresh();
    },
  });
}

/** The group whose staff the member writes to (its name for "To the staff of …"). */
export function useGroupToWrite(slug: string | null) {
  return useQuery({
    queryKey: ['groups', slug ?? ''],
    queryFn: () => api<GroupDto>('GET', `/groups/${enc(slug ?? '')}`),
    enabled: slug !== null,
    retry: false,
  });
}

/** Members whose username starts with what was typed (at most ten), for the recipients field. */
export function useMemberCompletion(prefix: string) {
  return useQuery({
    queryKey: ['member-completion', prefix.toLowerCase()],
    queryFn: () => api<{ items: UserDto[] }>('GET', `/users?prefix=${enc(prefix)}`),
    enabled: prefix.length > 0,
    staleTime: 30_000,
  });
}
