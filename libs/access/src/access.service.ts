import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@harbour/common';
import type { Role } from '@harbour/contracts';
import type { Caller } from './caller';
import { hasPermission } from './permissions';

/** The subjects object-level checks are asked about. Each feature lib adds its own as it arrives. */
export type AccessQuestion = { action: 'user.changeRole'; target: { id: string; role: Role } };

/**
 * Answers "may this caller do this action on this object?" for every route, socket handler and job.
 * Nothing else in the code decides access.
 */
@Injectable()
export class AccessService {
  can(caller: Caller | null, question: AccessQuestion): boolean {
    switch (question.action) {
      case 'user.changeRole':
        // An admin may not change their own role: a site must never lose its last admin by a slip.
        return hasPermission(caller, 'admin.users') && caller?.userId !== question.target.id;
    }
  }

  assertCan(caller: Caller | null, question: AccessQuestion): void {
    if (!this.can(caller, question)) throw new ForbiddenError('You are not allowed to do this');
  }
}
