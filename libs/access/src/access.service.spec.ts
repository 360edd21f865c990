import { ForbiddenError } from '@harbour/common';
import { AccessService } from './access.service';
import type { Caller } from './caller';
import { hasPermission } from './permissions';

const caller = (role: Caller['role'], userId = 'u1', groups: Caller['groups'] = {}): Caller => ({
  userId,
  username: 'x',
  role,
  locale: 'en',
  sessionId: 's',
  via: 'bearer',
  groups,
  silenced: false,
});

describe('site permissions', () => {
  it('grants admin screens to admins only', () => {
    expect(hasPermission(null, 'admin.settings')).toBe(false);
    expect(hasPermission(caller('member'), 'admin.settings')).toBe(false);
    expect(hasPermission(caller('moderator'), 'admin.users')).toBe(false);
    expect(hasPermission(caller('admin'), 'admin.outbox')).toBe(true);
  });
});

describe('AccessService', () => {
  const access = new AccessService();

  it('lets an admin change another member’s role but never their own', () => {
    expect(access.can(caller('admin', 'a'), { action: 'user.changeRole', target: { id: 'b', role: 'member' } })).toBe(true);
    expect(access.can(caller('admin', 'a'), { action: 'user.changeRole', target: { id: 'a', role: 'admin' } })).toBe(false);
    expect(access.can(caller('moderator', 'a'), { action: 'user.changeRole', target: { id: 'b', role: 'member' } })).toBe(false);
    expect(() => access.assertCan(null, { action: 'user.changeRole', target: { id: 'b', role: 'member' } })).toThrow(ForbiddenError);
  });
});

describe('conversationCan', () => {
  const access = new AccessService();
  const named = { groupId: null, caller: 'participant' as const, participantCount: 2 };

  it('lets a silenced participant read and leave, and do nothing else; a visitor nothing at all', () => {
    const silenced = { ...caller('member'), silenced: true };
    expect(access.conversationCan(silenced, named, 20)).toEqual({ reply: false, invite: false, leave: true, edit: false, flag: false });
    expect(access.conversationCan(null, named, 20)).toEqual({ reply: false, invite: false, leave: false, edit: false, flag: false });
    expect(access.conversationCan(caller('member'), { ...named, participantCount: 20 }, 20)).toMatchObject({ reply: true, invite: false });
  });
});
