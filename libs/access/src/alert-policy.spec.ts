import type { AccessQuestion, SiteRules } from './access-questions';
import { AccessService } from './access.service';
import { answersOf, callers } from './policy-roles.fixture';

/**
 * Drug-supply alerts' questions, stated as policy-table.spec.ts states the rest (same roles, same letters).
 * Team membership is not a role: `onTeam` says whether the caller is a named member of the alert team.
 */
const open: SiteRules = { loginRequired: false, groupCreation: 'members' };
const closed: SiteRules = { ...open, loginRequired: true };

//               anon, outsider, member, group moderator, group owner, silenced, site moderator, admin
const TABLE: [string, AccessQuestion, string][] = [
  ['read alerts on an open site', { action: 'alert.see', site: open }, 'YYYYYYYY'],
  ['read alerts on a login-only site', { action: 'alert.see', site: closed }, 'NYYYYYYY'],
  // Off the team, only admins publish; site moderators are not the alert team by their role.
  ['publish an alert, off the team', { action: 'alert.create', onTeam: false }, 'NNNNNNNY'],
  ['publish an alert, on the team', { action: 'alert.create', onTeam: true }, 'NYYYYYYY'],
  ['edit or retract an alert, off the team', { action: 'alert.manage', onTeam: false }, 'NNNNNNNY'],
  ['edit or retract an alert, on the team', { action: 'alert.manage', onTeam: true }, 'NYYYYYYY'],
  ['read reports of bad batches, off the team', { action: 'alertReport.read', onTeam: false }, 'NNNNNNNY'],
  ['read reports of bad batches, on the team', { action: 'alertReport.read', onTeam: true }, 'NYYYYYYY'],
  // A warning must get through: no account, no login, whatever the site's setting.
  ['report a bad batch', { action: 'alertReport.create' }, 'YYYYYYYY'],
  ['name the alert team and its regions', { action: 'alertTeam.manage' }, 'NNNNNNNY'],
  ['choose one’s alert regions', { action: 'alert.subscribe' }, 'NYYYYYYY'],
];

describe('the alerts policy', () => {
  const access = new AccessService();
  it.each(TABLE)('%s', (_name, question, expected) => {
    expect(answersOf(access, question)).toBe(expected);
  });

  it('offers a silenced team member no edit or retract (every write of theirs answers 403)', () => {
    expect(access.alertCan(callers.silenced, true)).toEqual({ edit: false, retract: false });
    expect(access.alertCan(callers.member, true)).toEqual({ edit: true, retract: true });
    expect(access.alertCan(callers.moderator, false)).toEqual({ edit: false, retract: false });
    expect(access.alertCan(callers.admin, false)).toEqual({ edit: true, retract: true });
    expect(access.alertCan(null, true)).toEqual({ edit: false, retract: false });
  });
});
