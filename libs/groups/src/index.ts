export { Group } from './group.entity';
export { GroupMember } from './group-member.entity';
export { GroupInvitation } from './group-invitation.entity';
export { JoinRequest } from './join-request.entity';
export { GroupsModule } from './groups.module';
export { GroupsService } from './groups.service';
export { GroupRolesModule } from './group-roles.module';
export {
  groupManagerIds,
  groupManagerUserIds,
  groupMemberUserIds,
  groupRolesJson,
  joinGroup,
  mentionableGroupMembers,
  sharesGroup,
} from './group-sql';
export { GroupRepository } from './group.repository';
export { GroupMemberRepository } from './group-member.repository';
export { MembershipService } from './membership.service';
