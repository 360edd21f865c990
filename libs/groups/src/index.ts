export { Group } from './group.entity';
export { GroupMember } from './group-member.entity';
export { GroupInvitation } from './group-invitation.entity';
export { JoinRequest } from './join-request.entity';
export { GroupsModule } from './groups.module';
export { GroupRolesModule } from './group-roles.module';
export { groupManagerIds, groupMemberUserIds, groupRolesJson, joinGroup, mentionableGroupMembers } from './group-sql';
export { GroupRepository } from './group.repository';
export { GroupMemberRepository } from './group-member.repository';
