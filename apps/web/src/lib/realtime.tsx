import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@harbour/contracts';
import { pageReady } from './page-ready';

/** The socket typed by the contract (libs/contracts, realtime.ts): events and payloads are checked both ways. */
export type HarbourSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One Socket.IO connection per tab, authenticated by the session cookie (same origin). It reconnects by
 * itself; `connectedAt` changes on every (re)connection so that screens can catch up on what they missed.
 */
interface Realtime {
  socket: HarbourSocket | null;
  connectedAt: number;
}

const RealtimeContext = createContext<Realtime>({ socket: null, connectedAt: 0 });

/**
 * `identity` (the member's id, or "guest") reconnects the socket when someone signs in or out.
 * `onSessionEnded` runs when the server says the session may be over: its `session:revoked`, the server closing
 * the socket, or a handshake refused because the session had already ended (suspended while the page was still
 * connecting). They are listened to here, from the socket's first moment, so that no screen's late listener
 * can miss them.
 */
export function RealtimeProvider({
  identity,
  onSessionEnded,
  children,
}: {
  identity: string | null;
  onSessionEnded: () => void;
  children: ReactNode;
}) {
  const [state, setState] = useState<Realtime>({ socket: null, connectedAt: 0 });
  const sessionEnded = useEffectEvent(onSessionEnded);
  useEffect(() => {
    if (identity === null) return;
    // socket.io-client is its own chunk, fetched once the first screen shows its data (a weak phone's first load
    // goes to that screen first); screens catch up on connecting anyway (`connectedAt`).
    let socket: HarbourSocket | null = null;
    let closed = false;
    void pageReady.then(async () => {
      const { io } = await import('socket.io-client');
      if (closed) return;
      socket = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
      listen(socket);
    });
    const listen = (socket: HarbourSocket) => {
      // Screens get the socket once it is connected, and again on every reconnection (to catch up).
      socket.on('connect', () => setState({ socket, connectedAt: Date.now() }));
      socket.on('session:revoked', () => sessionEnded());
      socket.on('connect_error', (error) => {
        if (error.message === 'unauthorized') sessionEnded();
      });
      // The server closes a socket itself only when its session ended: asking again costs one request.
      socket.on('disconnect', (reason) => {
        if (reason === 'io server disconnect') sessionEnded();
      });
    };
    return () => {
      closed = true;
      socket?.close();
    };
  }, [identity]);
  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

/** What the server sends with an event (each server event carries one payload). */
export type ServerEventPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Listens to one server event for as long as the component is shown; the latest handler is always used. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: (payload: ServerEventPayload<E>) => void): void {
  const { socket } = useRealtime();
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    if (!socket) return;
    // socket.io's listener type does not resolve for an event name still generic here; callers are checked by
    // this hook's own signature, so the listener is registered through a plain view of the same socket.
    const events = socket as unknown as PlainEvents<ServerEventPayload<E>>;
    const listener = (payload: ServerEventPayload<E>) => onEvent(payload);
    events.on(event, listener);
    return () => {
      events.off(event, listener);
    };
  }, [socket, event]);
}

interface PlainEvents<P> {
  on(event: string, listener: (payload: P) => void): void;
  off(event: string, listener: (payload: P) => void): void;
}
