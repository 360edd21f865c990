export { Category } from './category.entity';
export { Topic } from './topic.entity';
export { Post } from './post.entity';
export { PostRevision } from './post-revision.entity';
export { PostUpload } from './post-upload.entity';
export { Bookmark, CategoryNotificationLevel, Mention, Reaction, TopicNotificationLevel, TopicRead } from './member-state.entities';
export { TopicNotice, TopicRedirect } from './topic-surgery.entities';
export { ForumModule } from './forum.module';
export { ForumLookup } from './forum-lookup.service';
export { PostEditsService } from './post-edits.service';
export { anonymousLabel } from './forum.mappers';
export { AnonymousPosting } from './anonymous-posting';
export { MemberPosts } from './member-posts.service';
export { takesPartInTopic } from './member-posts.repository';
export { mentionedUsernames, renderMarkdown } from './markdown';
export { decodeEntities, htmlToText } from './plain-text';
export { TopicPageCache } from './topic-page.cache';
export { PostsService } from './posts.service';
// The server-rendered guest pages (apps/api/src/pages) ask the same services as the API.
export { CategoriesService } from './categories.service';
export { TopicsService } from './topics.service';
export { TopicSurgeryService } from './topic-surgery.service';
export { ReviewHolds } from './review-holds';
export { TopicMoves, type TopicMove } from './topic-moves';
export type { HeldTarget } from './review-holds';
export { GroupDirectory } from './group-directory';
export { ForumModeration } from './forum-moderation';
export { CategoryRepository, categoryAccessColumns, categoryRefFrom } from './category.repository';
export { TopicRepository } from './topic.repository';
export { PostRepository } from './post.repository';
export { PostSearchRepository } from './post-search.repository';
export type { PostSearchHit, PostSearchInput } from './post-search.repository';
export { notificationLevels } from './member-state.repository';
export type { NotificationLevelRow } from './member-state.repository';
export { forumTargetSpace, postAuthors, postContexts, postHtml } from './post-reads';
export { postLinks, postPath, type PostLink } from './post-links';
export type { PostContext } from './post-reads';
export {
  forumTargetAuthorSql,
  forumTargetInCategory,
  forumTargetTitles,
  joinCategory,
  joinForumTarget,
  joinPost,
  joinTopic,
  joinTopicAndPost,
} from './forum-targets';
