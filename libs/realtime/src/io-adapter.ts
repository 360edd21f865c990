import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
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
      this.adapterFactory = createPostgresAdapter(pool, { heartbeatInterval: 5000, heartbeatTimeout: 12000 });
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
