import { Module, type OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ForumModule, GroupDirectory } from '@harbour/forum';
import { GroupInvitationRepository } from './group-invitation.repository';
import { GroupMemberRepository } from './group-member.repository';
import { GroupRolesModule } from './group-roles.module';
import { GroupRepository } from './group.repository';
import { GroupInvitationsService } from './group-invitations.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { InvitationsController } from './invitations.controller';
import { JoinRequestRepository } from './join-request.repository';
import { MembershipController } from './membership.controller';
import { MembershipService } from './membership.service';
import { ProfileMembershipsRepository } from './profile-memberships.repository';
import { GroupsMemberData } from './member-data.repository';

/**
 * Groups build on forum (closing a group closes its spaces, in the same transaction); forum learns which
 * groups exist through its GroupDirectory, which this module answers once it starts.
 */
@Module({
  imports: [GroupRolesModule, AccountsModule, ForumModule],
  controllers: [GroupsController, InvitationsController, MembershipController],
  providers: [
    GroupRepository,
    GroupMemberRepository,
    GroupInvitationRepository,
    JoinRequestRepository,
    GroupsService,
    GroupInvitationsService,
    ProfileMembershipsRepository,
    MembershipService,
    GroupsMemberData,
  ],
  exports: [GroupsService, GroupRepository, GroupMemberRepository, MembershipService],
})
export class GroupsModule implements OnModuleInit {
  constructor(
    private readonly directory: GroupDirectory,
    private readonly groups: GroupRepository,
  ) {}

  onModuleInit(): void {
    this.directory.provide((manager, ids) => this.groups.existingIds(ids, manager));
  }
}
