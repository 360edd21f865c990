import { Module } from '@nestjs/common';
import { GroupMemberRepository } from './group-member.repository';
import { GroupRolesModule } from './group-roles.module';
import { GroupRepository } from './group.repository';
import { GroupInvitationsService } from './group-invitations.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { InvitationsController } from './invitations.controller';

@Module({
  imports: [GroupRolesModule],
  controllers: [GroupsController, InvitationsController],
  providers: [GroupRepository, GroupMemberRepository, GroupsService, GroupInvitationsService],
  exports: [GroupsService, GroupRepository, GroupMemberRepository],
})
export class GroupsModule {}
