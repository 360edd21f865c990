export { Group } from './group.entity';
export { GroupMember } from './group-member.entity';
export { GroupInvitation } from './group-invitation.entity';
export { JoinRequest } from './join-request.entity';
export { GroupsModule } from './groups.module';
