import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { PushMessage } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

/** A browser's side of a push subscription: its P-256 key pair and authentication secret. */
export interface Device {
  name: string;
  ecdh: ECDH;
  auth: Buffer;
  /** The body to POST to /api/push/subscriptions. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}

/** One message a push service received, as the test decrypted it. */
export interface ReceivedPush {
  device: string;
  headers: Record<string, string | string[] | undefined>;
  message: PushMessage;
}

/**
 * A push service run by the test: an HTTP server on loopback that takes each device's POSTs, decrypts them
 * as the browser would (RFC 8291, aes128gcm) with the device's private key and secret, and answers what the
 * test chose for that device (201, or 410 for a browser that unsubscribed).
 */
export class PushSink {
  readonly received: ReceivedPush[] = [];
  private readonly devices = new Map<string, Device>();
  private readonly answers = new Map<string, number>();
  private server: Server | null = null;
  private base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const name = decodeURIComponent((request.url ?? '').replace(/^\/push\//, ''));
        const device = this.devices.get(name);
        const status = this.answers.get(name) ?? 201;
        if (device && status < 300) {
          const message = JSON.parse(decrypt(Buffer.concat(chunks), device)) as PushMessage;
          this.received.push({ device: name, headers: request.headers, message });
        }
        response.writeHead(device ? status : 404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.server.unref(); // a test that fails before stop() must not keep jest waiting
    const address = this.server.address() as { port: number };
    this.base = `http://127.0.0.1:${address.port}/push/`;
  }

  /** A new browser with its own keys, whose endpoint is on this service. */
  device(name: string): Device {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const device: Device = {
      name,
      ecdh,
      auth,
      subscription: {
        endpoint: `${this.base}${encodeURIComponent(name)}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      },
    };
    this.devices.set(name, device);
    return device;
  }

  /** What the service answers to pushes for that device from now on. */
  answer(name: string, status: number): void {
    this.answers.set(name, status);
  }

  to(name: string): PushMessage[] {
    return this.received.filter((push) => push.device === name).map((push) => push.message);
  }

  /** Waits until `count` messages reached the device. */
  async waitFor(name: string, count: number, timeoutMs = 15000): Promise<PushMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(name).length < count) {
      if (Date.now() > deadline) throw new Error(`${this.to(name).length} of ${count} pushes reached ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.to(name);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Subscribes the device for the member; answers the subscription's id. */
export async function subscribe(t: TestApp, member: TestMember, device: Device): Promise<string> {
  const response = await t.http().post('/api/push/subscriptions').set(member.auth).send(device.subscription).expect(201);
  return (response.body as { id: string }).id;
}

/** RFC 8291 / RFC 8188: one aes128gcm record, decrypted with the device's private key and auth secret. */
export function decrypt(body: Buffer, device: Pick<Device, 'ecdh' | 'auth'>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const hkdf = (key: Buffer, saltValue: Buffer, info: Buffer, length: number) =>
    Buffer.from(hkdfSync('sha256', key, saltValue, info, length));
  const shared = device.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), serverKey]);
  const ikm = hkdf(shared, device.auth, keyInfo, 32);
  const key = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 2, then zero padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('push record without its last-record delimiter');
  return plain.subarray(0, end).toString('utf8');
}
