import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool, type PoolClient } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** Largest message a client may send: every client event is a small JSON object. */
const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

/**
 * Socket.IO with an adapter that carries emits, room changes and disconnects to the sockets of every API
 * process: Redis when REDIS_URL is set, otherwise PostgreSQL (LISTEN/NOTIFY on Harbour's own database),
 * so several processes work together with nothing more than the database they already share.
 */
export class HarbourIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private adapterFactory: ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter> | null = null;
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly backend: { redisUrl: string | null; databaseUrl: string },
  ) {
    super(app);
  }

  /** Opens the adapter's connections; call before the app listens. */
  async connect(): Promise<void> {
    if (this.backend.redisUrl) {
      const publisher = createClient({ url: this.backend.redisUrl });
      const subscriber = publisher.duplicate();
      publisher.on('error', (error: Error) => this.log.error(`Redis: ${error.message}`));
      subscriber.on('error', (error: Error) => this.log.error(`Redis: ${error.message}`));
      await Promise.all([publisher.connect(), subscriber.connect()]);
      this.adapterFactory = createRedisAdapter(publisher, subscriber);
      this.closers.push(
        () => publisher.quit(),
        () => subscriber.quit(),
      );
      this.log.log('Socket.IO fans out through Redis');
    } else {
      // Socket messages are fleeting: waiting for each NOTIFY's commit to reach the disk would only slow
      // every emit (PostgreSQL serialises notifying commits under one lock), so these commits do not wait.
      const pool = new Pool({
        connectionString: this.backend.databaseUrl,
        max: 2,
        application_name: 'harbour-socket-io',
        options: '-c synchronous_commit=off',
      });
      pool.on('error', (error: Error) => this.log.error(`Socket.IO adapter: ${error.message}`));
      surviveRestarts(pool, (message) => this.log.warn(`Socket.IO adapter: ${message}`));
      this.adapterFactory = createPostgresAdapter(pool, {
        heartbeatInterval: 5000,
        heartbeatTimeout: 12000,
        errorHandler: (error: Error) => this.log.warn(`Socket.IO adapter: ${error.message}`),
      });
      this.closers.push(() => pool.end());
      this.log.debug('Socket.IO fans out through PostgreSQL');
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES } as ServerOptions);
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const close of this.closers.splice(0)) await close().catch(() => undefined);
  }
}

/**
 * The PostgreSQL adapter checks one client out of its pool for LISTEN and keeps it. When the database
 * restarts, two things went wrong with that client: pg-pool does not listen to the errors of a checked-out
 * client, so its 'error' went unheard and ended the process; and the adapter, reconnecting on 'end', never
 * gave the dead client back, so it kept a pool slot forever (with two slots, the next NOTIFY waited for
 * good). Here each such client gets an error listener and is released, as broken, when it ends.
 */
function surviveRestarts(pool: Pool, warn: (message: string) => void): void {
  pool.on('connect', (client) => client.on('error', (error: Error) => warn(`connection lost: ${error.message}`)));
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient> | undefined;
  // pool.query checks clients out with a callback and releases them itself: only the promise form (the
  // adapter's LISTEN client) is wrapped.
  (pool as { connect: unknown }).connect = (callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<PoolClient>).then((client) => {
      client.once('end', () => {
        try {
          client.release(new Error('the LISTEN connection ended'));
        } catch {
          // already released (the adapter closing)
        }
      });
      return client;
    });
  };
}
