import { Module } from '@nestjs/common';
import { GroupInvitationsService } from './group-invitations.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { InvitationsController } from './invitations.controller';

@Module({
  controllers: [GroupsController, InvitationsController],
  providers: [GroupsService, GroupInvitationsService],
  exports: [GroupsService],
})
export class GroupsModule {}
