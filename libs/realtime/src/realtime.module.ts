import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ForumModule } from '@harbour/forum';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [AccountsModule, ForumModule], providers: [RealtimeGateway] })
export class RealtimeModule {}
