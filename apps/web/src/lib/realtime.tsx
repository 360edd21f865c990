import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * One Socket.IO connection per tab, authenticated by the session cookie (same origin). It reconnects by
 * itself; `connectedAt` changes on every (re)connection so that screens can catch up on what they missed.
 */
interface Realtime {
  socket: Socket | null;
  connectedAt: number;
}

const RealtimeContext = createContext<Realtime>({ socket: null, connectedAt: 0 });

/** `identity` (the member's id, or "guest") reconnects the socket when someone signs in or out. */
export function RealtimeProvider({ identity, children }: { identity: string | null; children: ReactNode }) {
  const [state, setState] = useState<Realtime>({ socket: null, connectedAt: 0 });
  useEffect(() => {
    if (identity === null) return;
    const socket = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
    socket.on('connect', () => setState({ socket, connectedAt: Date.now() }));
    setState({ socket, connectedAt: 0 });
    return () => {
      socket.close();
    };
  }, [identity]);
  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

/** Listens to one server event for as long as the component is shown; the latest handler is always used. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
