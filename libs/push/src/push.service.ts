import { createECDH } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { PushKeyDto, PushSubscriptionCreatedDto } from '@harbour/contracts';
import { endpointProblem } from './push-endpoint';
import { PushKeys } from './push-keys.service';
import type { PushSubscriptionDto } from './push.dtos';
import { PushRepository } from './push.repository';

/** Devices one member may have subscribed at once: phones, tablets and browsers, with room to spare. */
const MAX_DEVICES = 20;

/** A member's devices that receive web pushes: the server key, subscribing and unsubscribing. */
@Injectable()
export class PushService {
  constructor(
    private readonly repository: PushRepository,
    private readonly keys: PushKeys,
    private readonly access: AccessService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async key(): Promise<PushKeyDto> {
    return { publicKey: await this.keys.publicKey() };
  }

  /** Idempotent per endpoint: subscribing the same device again answers the same id. */
  async subscribe(caller: Caller, dto: PushSubscriptionDto): Promise<PushSubscriptionCreatedDto> {
    this.access.assertCan(caller, { action: 'push.subscribe' });
    const problem = endpointProblem(dto.endpoint, this.config.publicUrl);
    if (problem) throw new InvalidInputError(problem);
    const p256dh = Buffer.from(dto.keys.p256dh, 'base64url');
    if (!isCurvePoint(p256dh)) throw new InvalidInputError('keys.p256dh must be a base64url P-256 public key (65 bytes)');
    const auth = Buffer.from(dto.keys.auth, 'base64url');
    // Stored unpadded, as web-push and the browsers' own toJSON() write them.
    const id = await this.repository.save(
      caller.userId,
      dto.endpoint,
      p256dh.toString('base64url'),
      auth.toString('base64url'),
      MAX_DEVICES,
    );
    return { id };
  }

  /** Only the member's own subscription; anyone else's, or a missing one, is the same 404. */
  async unsubscribe(caller: Caller, id: string): Promise<void> {
    const owner = isUuid(id) ? await this.repository.ownerOf(id) : null;
    if (owner === null || !this.access.can(caller, { action: 'push.unsubscribe', subscription: { userId: owner } })) {
      throw new NotFoundError();
    }
    await this.repository.remove(id);
  }
}

/** Whether the bytes are an uncompressed point on P-256 (anything else would only fail at every send). */
function isCurvePoint(bytes: Buffer): boolean {
  if (bytes.length !== 65 || bytes[0] !== 4) return false;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.alloc(32, 1));
    ecdh.computeSecret(bytes);
    return true;
  } catch {
    return false;
  }
}
