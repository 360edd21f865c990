import { Module } from '@nestjs/common';
import { ForumModule } from '@harbour/forum';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Search's SQL is forum's (PostSearchRepository): forum owns the tables it reads. */
@Module({ imports: [ForumModule], controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
