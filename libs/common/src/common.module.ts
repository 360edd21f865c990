import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events';
import { MemberData } from './member-data';

@Global()
@Module({ providers: [DomainEvents, MemberData], exports: [DomainEvents, MemberData] })
export class CommonModule {}
