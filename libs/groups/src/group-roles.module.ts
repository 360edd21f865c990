import { Global, Module } from '@nestjs/common';
import { GROUP_ROLES_SQL } from '@harbour/accounts';
import { groupRolesJson } from './group-sql';

/**
 * Fills accounts' GROUP_ROLES_SQL port (sessions and MemberCallers read a caller's group roles). Apart from
 * GroupsModule so that the worker, which has no groups routes, can have it too.
 */
@Global()
@Module({ providers: [{ provide: GROUP_ROLES_SQL, useValue: groupRolesJson }], exports: [GROUP_ROLES_SQL] })
export class GroupRolesModule {}
