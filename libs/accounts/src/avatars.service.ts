import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { InvalidInputError, isUuid, NotAuthenticatedError, NotFoundError } from '@harbour/common';
import type { MeDto } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';
import { avatarSizeFor, reencodeAvatar } from './avatar-image';
import { AvatarRepository } from './avatar.repository';
import { generatedAvatarSvg } from './generated-avatar';
import { MeParts } from './me-parts';
import { toMeDto } from './user.mapper';
import { UserRepository } from './user.repository';

/** A picture ready to send: its bytes, its type, and whether its URL named the current version. */
export interface AvatarImage {
  bytes: Buffer;
  type: 'image/webp' | 'image/svg+xml';
  /** The `v` asked for is the current one: the answer may be cached for good. */
  current: boolean;
}

/** Members' pictures: uploading (re-encoded, metadata stripped), removing, and serving them or a generated one. */
@Injectable()
export class AvatarsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly avatars: AvatarRepository,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly parts: MeParts,
  ) {}

  async upload(caller: Caller, file: { buffer: Buffer } | undefined): Promise<MeDto> {
    if (!file || file.buffer.length === 0) throw new InvalidInputError('file must be a picture (a multipart part named file)');
    // Decoded and re-encoded before the transaction: the slow part holds no lock.
    const encoded = await reencodeAvatar(file.buffer);
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwnRow(caller, manager);
      await this.avatars.replace(caller.userId, encoded, manager);
    });
    return this.me(caller);
  }

  async remove(caller: Caller): Promise<MeDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwnRow(caller, manager);
      await this.avatars.remove(caller.userId, manager);
    });
    return this.me(caller);
  }

  /** A picture sent while the account was being deleted is not stored behind the erasure: the caller is gone (401). */
  private async lockOwnRow(caller: Caller, manager: EntityManager): Promise<void> {
    if (!(await this.users.lockUnlessDeleted(caller.userId, manager))) throw new NotAuthenticatedError('Sign in first');
  }

  /**
   * `GET /api/avatars/:userId`: the upload at the nearest size, or the generated picture; 404 like a missing
   * profile. A deleted member's kept posts carry this URL too (api.md: a generated picture when the member has
   * none): theirs is drawn from the anonymous name, never from anything they uploaded.
   */
  async image(caller: Caller | null, userId: string, query: { v?: number; size?: number }): Promise<AvatarImage> {
    const owner = isUuid(userId) ? await this.avatars.owner(userId) : null;
    if (!owner || !this.access.can(caller, { action: 'profile.see', site: await this.settings.accessRules() })) throw new NotFoundError();
    const current = query.v === owner.avatarVersion;
    const uploaded = owner.avatarVersion > 0 && !owner.deleted ? await this.avatars.bytes(userId, avatarSizeFor(query.size)) : null;
    if (uploaded) return { bytes: uploaded, type: 'image/webp', current };
    return { bytes: Buffer.from(generatedAvatarSvg(owner.username)), type: 'image/svg+xml', current };
  }

  private async me(caller: Caller): Promise<MeDto> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    return this.parts.complete(toMeDto(user));
  }
}
