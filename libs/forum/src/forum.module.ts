import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { UploadsModule } from '@harbour/uploads';
import { BookmarksService } from './bookmarks.service';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { CategoryEditor } from './category-editor.service';
import { CategoryRepository } from './category.repository';
import { ForumLookup } from './forum-lookup.service';
import { ForumModeration } from './forum-moderation';
import { ForumViews } from './forum-views';
import { GroupDirectory } from './group-directory';
import { ForumMemberData } from './member-data.repository';
import { MemberPosts } from './member-posts.service';
import { MemberPostsRepository } from './member-posts.repository';
import { MemberStateRepository } from './member-state.repository';
import { MemberStateService } from './member-state.service';
import { PostEditsService } from './post-edits.service';
import { PostRepository } from './post.repository';
import { PostSearchRepository } from './post-search.repository';
import { PostUploads } from './post-uploads';
import { PostWriter } from './post-writer';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { ReviewHolds } from './review-holds';
import { TopicPageCache } from './topic-page.cache';
import { TopicPageRepository } from './topic-page.repository';
import { TopicListRepository } from './topic-list.repository';
import { TopicRepository } from './topic.repository';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';
import { TopicMoves } from './topic-moves';
import { TopicSurgeryController } from './topic-surgery.controller';
import { TopicSurgeryRepository } from './topic-surgery.repository';
import { TopicSurgeryService } from './topic-surgery.service';
import { AnonymousPosting } from './anonymous-posting';

@Module({
  imports: [AccountsModule, UploadsModule],
  controllers: [CategoriesController, TopicsController, TopicSurgeryController, PostsController],
  providers: [
    CategoryRepository,
    TopicRepository,
    TopicListRepository,
    TopicPageRepository,
    PostRepository,
    PostSearchRepository,
    MemberStateRepository,
    MemberPostsRepository,
    MemberPosts,
    ForumLookup,
    ForumViews,
    ForumModeration,
    ReviewHolds,
    GroupDirectory,
    CategoriesService,
    CategoryEditor,
    TopicsService,
    BookmarksService,
    PostsService,
    PostEditsService,
    PostWriter,
    AnonymousPosting,
    PostUploads,
    MemberStateService,
    TopicPageCache,
    ForumMemberData,
    TopicMoves,
    TopicSurgeryRepository,
    TopicSurgeryService,
  ],
  exports: [
    ForumLookup,
    PostEditsService,
    MemberPosts,
    PostsService,
    ForumModeration,
    ReviewHolds,
    TopicMoves,
    GroupDirectory,
    CategoryRepository,
    TopicRepository,
    PostRepository,
    PostSearchRepository,
    AnonymousPosting,
  ],
})
export class ForumModule {}
