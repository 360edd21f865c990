import { Injectable } from '@nestjs/common';
import type { Caller } from '@harbour/access';
import { NotAuthenticatedError } from '@harbour/common';
import type { MeDto } from '@harbour/contracts';
import type { UpdateMeDto } from './account.dtos';
import type { User } from './user.entity';
import { toMeDto } from './user.mapper';
import { UserRepository } from './user.repository';

@Injectable()
export class MeService {
  constructor(private readonly users: UserRepository) {}

  async get(caller: Caller): Promise<MeDto> {
    return toMeDto(await this.find(caller));
  }

  /** The member's own profile fields: display name and language. */
  async update(caller: Caller, dto: UpdateMeDto): Promise<MeDto> {
    // Only the fields sent are written: a name changed in one tab and the language in another both stay.
    const changes: Partial<Pick<User, 'displayName' | 'locale'>> = {};
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.locale !== undefined) changes.locale = dto.locale;
    await this.users.update(caller.userId, changes);
    return toMeDto(await this.find(caller));
  }

  private async find(caller: Caller): Promise<User> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    return user;
  }
}
