import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ForumModule } from '@harbour/forum';
import { GroupsModule } from '@harbour/groups';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

/**
 * Profiles sit above accounts, forum and groups and own no table: each of those libs answers for its own
 * rows, filtered by what the caller may see, and this lib puts the answers together.
 */
@Module({
  imports: [AccountsModule, ForumModule, GroupsModule],
  controllers: [ProfilesController],
  providers: [ProfilesService],
})
export class ProfilesModule {}
