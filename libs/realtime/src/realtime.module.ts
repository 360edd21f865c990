import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [AccountsModule], providers: [RealtimeGateway] })
export class RealtimeModule {}
