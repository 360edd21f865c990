import type { HarbourServer, HarbourSocket } from './rooms';

/** Never called: the typecheck (npm test) holds these, each @ts-expect-error failing it when its error is gone. */
export function typedByContract(server: HarbourServer, socket: HarbourSocket): void {
  // @ts-expect-error a field the contract's topic:presence does not name
  server.to('topic:1').emit('topic:presence', { topicId: '1', readerCount: 1, typing: [] });
  // @ts-expect-error an event the client does not listen to
  server.emit('post:removed', { id: '1', topicId: '1' });
  // @ts-expect-error a reason the contract does not list
  socket.emit('session:revoked', { reason: 'expired' });
  // @ts-expect-error a message other processes do not handle
  server.serverSideEmit('harbour:recheck', { everyone: true });
  server.to('topic:1').emit('post:deleted', { id: '1', topicId: '1' });
}

describe('the Socket.IO contract on the server', () => {
  it('types every emit (see the typecheck)', () => {
    expect(typedByContract.length).toBe(2);
  });
});
