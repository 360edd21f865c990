import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events';
import { MemberData } from './member-data';
import { PostedDrafts } from './posted-drafts';

@Global()
@Module({ providers: [DomainEvents, MemberData, PostedDrafts], exports: [DomainEvents, MemberData, PostedDrafts] })
export class CommonModule {}
