import { Injectable } from '@nestjs/common';
import { AccessService, type Caller, type CategoryRef, type SiteRules } from '@harbour/access';
import type { CategoryDto, PostDto, TopicDto } from '@harbour/contracts';
import type { Category } from './category.entity';
import { toCategoryDto, toPostDto, toTopicDto, type PostExtras, type TopicMemberState } from './forum.mappers';
import type { Post } from './post.entity';
import type { Topic } from './topic.entity';

/**
 * Categories, topics and posts as one caller may see them, each with its `can` (api.md 1.1) computed by the
 * same AccessService questions that decide the requests. Never cached: `can` is the caller's own.
 */
@Injectable()
export class ForumViews {
  constructor(private readonly access: AccessService) {}

  category(caller: Caller | null, category: Category, site: SiteRules): CategoryDto {
    return toCategoryDto(category, this.access.categoryCan(caller, category, site));
  }

  /** `topic.category` must be loaded. */
  topic(caller: Caller | null, topic: Topic, site: SiteRules, state: TopicMemberState | null): TopicDto {
    if (!topic.category) throw new Error('ForumViews.topic needs the category loaded');
    return toTopicDto(topic, state, this.access.topicCan(caller, topic.category, site, topic));
  }

  post(caller: Caller | null, post: Post, category: CategoryRef, site: SiteRules, extras: PostExtras): PostDto {
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    return toPostDto(post, {
      extras,
      can: this.access.postCan(caller, category, site, ref),
      seesHidden: this.access.can(caller, { action: 'post.seeHidden', category, site, post: ref }),
    });
  }
}
