import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { ForumLookup } from './forum-lookup.service';
import { MemberStateService } from './member-state.service';
import { PostExtrasLoader } from './post-extras.loader';
import { PostWriter } from './post-writer';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { TopicsController } from './topics.controller';
import { TopicPageCache } from './topic-page.cache';
import { TopicsService } from './topics.service';

@Module({
  controllers: [CategoriesController, TopicsController, PostsController],
  providers: [
    ForumLookup,
    CategoriesService,
    TopicsService,
    PostsService,
    PostWriter,
    PostExtrasLoader,
    MemberStateService,
    TopicPageCache,
  ],
  exports: [ForumLookup, PostsService],
})
export class ForumModule {}
