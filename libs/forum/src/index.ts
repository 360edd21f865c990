export { Category } from './category.entity';
export { Topic } from './topic.entity';
export { Post } from './post.entity';
export { PostRevision } from './post-revision.entity';
export { Bookmark, CategoryNotificationLevel, Mention, Reaction, TopicNotificationLevel, TopicRead } from './member-state.entities';
export { ForumModule } from './forum.module';
export { ForumLookup } from './forum-lookup.service';
export { renderMarkdown } from './markdown';
export { TopicPageCache } from './topic-page.cache';
