import { io, type Socket } from 'socket.io-client';
import type { PageDto, PostDto } from '@harbour/contracts';

/**
 * A topic read live the way the web client reads it (apps/web/src/features/forum/api/live-topic.ts), with
 * one difference: it is given the address of every API process and, when its process goes away, connects
 * to the next one (behind a load balancer the web client gets the same by reconnecting to the one address).
 * On every connection it joins the topic room again and fetches the posts after the last one it holds.
 */
export class LiveReader {
  /** Posts held, by number: live pushes and catch-up fetches both land here. */
  readonly posts = new Map<number, PostDto>();
  /** Each connection made, by base URL, in order. */
  readonly connections: string[] = [];
  /** Numbers of the posts that only the catch-up after a reconnection brought (missed while away). */
  readonly caughtUp: number[] = [];
  private socket: Socket | null = null;
  private next = 0;
  private closed = false;

  /**
   * `beforeReconnect` is awaited after the back-off, before each new connection: a test holds the reader
   * away with it until posts it knows were pushed (and so can only be caught up) have been made.
   */
  constructor(
    private readonly urls: string[],
    private readonly topicId: string,
    private readonly beforeReconnect: () => Promise<void> = async () => {},
  ) {}

  /** True while the reader has lost its connection and not yet made the next one. */
  get away(): boolean {
    return this.socket !== null && !this.socket.connected && !this.closed;
  }

  /** Connects to the first process, joins the room and holds the topic's posts so far. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The numbers missing between the first and the last post held. */
  gaps(): number[] {
    const numbers = [...this.posts.keys()].sort((a, b) => a - b);
    const missing: number[] = [];
    for (let n = numbers[0] ?? 1; n <= (numbers.at(-1) ?? 0); n++) if (!this.posts.has(n)) missing.push(n);
    return missing;
  }

  /** Waits until the post numbered `number` is held. */
  async waitForNumber(number: number, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.posts.has(number)) {
      if (Date.now() > deadline) throw new Error(`post ${number} never reached the reader (held: ${[...this.posts.keys()].join(',')})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private async connect(): Promise<void> {
    const url = this.urls[this.next % this.urls.length]!;
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket = socket;
    socket.on(
      'post:created',
      (post: PostDto) => post.topicId === this.topicId && post.number !== null && this.posts.set(post.number, post),
    );
    socket.once('disconnect', () => {
      if (this.closed) return;
      // This process is gone: try the next one (and keep trying, as the web client keeps reconnecting).
      this.next += 1;
      void this.reconnect();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    this.connections.push(url);
    // The last post held before joining: live posts that arrive from the join on must not move it, or the
    // catch-up would skip what was posted while away (the web client also reads it at reconnection).
    const since = Math.max(0, ...this.posts.keys());
    const joined = (await socket.timeout(5000).emitWithAck('topic:join', { topicId: this.topicId })) as { ok: boolean };
    if (!joined.ok) throw new Error(`could not join topic ${this.topicId} on ${url}`);
    await this.catchUp(url, since);
  }

  /** Waits as Socket.IO's client does before each attempt (1 s, doubling up to 5 s), so posts are missed meanwhile. */
  private async reconnect(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 5000)));
      await this.beforeReconnect();
      if (this.closed) return;
      try {
        await this.connect();
        return;
      } catch {
        this.next += 1;
      }
    }
  }

  /** Fetches, page by page, every post numbered after `since`. */
  private async catchUp(url: string, since: number): Promise<void> {
    for (let last = since; ;) {
      const response = await fetch(`${url}/api/topics/${this.topicId}/posts?after=${last}&limit=100`);
      if (!response.ok) throw new Error(`catching up on ${url} answered ${response.status}`);
      const page = (await response.json()) as PageDto<PostDto>;
      for (const post of page.items) {
        if (post.number === null) continue; // held for review: not part of the numbered thread yet
        if (this.connections.length > 1 && !this.posts.has(post.number)) this.caughtUp.push(post.number);
        this.posts.set(post.number, post);
        last = Math.max(last, post.number);
      }
      if (page.items.length < 100) return;
    }
  }
}
