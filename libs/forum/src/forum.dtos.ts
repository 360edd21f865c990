import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  IsNotEmpty,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CleanText, NoNul, Optional, PageQueryDto, SafeText } from '@harbour/common';
import {
  NOTIFICATION_LEVELS,
  TOPIC_FILTERS,
  TOPIC_PERIODS,
  SPACE_AUDIENCES,
  CATEGORY_ANONYMOUS,
  TOPICS_VISIBLE_TO,
  type CategoryAccessDto,
  type CategoryAnonymous,
  type CreateCategoryBody,
  type DeleteCategoryBody,
  type TopicsVisibleTo,
  type CreatePostBody,
  type CreateTopicBody,
  type Exactly,
  type NotificationLevel,
  type NotificationLevelBody,
  type PreviewBody,
  type ReadBody,
  type SpaceAudience,
  type TopicFilter,
  type TopicPeriod,
  type TopicPostsQuery,
  type TopicsQuery,
  type UpdateCategoryBody,
  type UpdatePostBody,
  type UpdateTopicBody,
} from '@harbour/contracts';

/** Long enough for a starter pack; far below the 256 kB body limit. */
const MAX_BODY = 50_000;

export class CategoryAccessInputDto implements Exactly<CategoryAccessDto, CategoryAccessInputDto> {
  @IsIn(['everyone', 'members']) see: CategoryAccessDto['see'];
  @IsIn(SPACE_AUDIENCES) start: SpaceAudience;
  @IsIn(SPACE_AUDIENCES) reply: SpaceAudience;
}

/** Six hex digits after `#`: what `<input type="color">` gives and CSS takes as is. */
const COLOR = /^#[0-9a-fA-F]{6}$/;
const COLOR_MESSAGE = 'color must be a colour like #1a7f5a, or null';

export class CreateCategoryDto implements Exactly<CreateCategoryBody, CreateCategoryDto> {
  @CleanText() @IsString() @Length(1, 80) @SafeText() name: string;
  @Optional() @CleanText() @IsString() @MaxLength(500) @SafeText() description?: string;
  @Optional() @IsUUID('all', { message: 'groupId must be an id' }) groupId?: string;
  @Optional() @IsUUID('all', { message: 'parentId must be an id' }) parentId?: string;
  /** Group categories only; by default members see, start topics and reply. */
  @Optional() @ValidateNested() @Type(() => CategoryAccessInputDto) access?: CategoryAccessInputDto;
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'sharedGroupIds must be ids' })
  sharedGroupIds?: string[];
  @IsOptional() @IsString({ message: COLOR_MESSAGE }) @Matches(COLOR, { message: COLOR_MESSAGE }) color?: string | null;
  @Optional() @IsIn(CATEGORY_ANONYMOUS) anonymous?: CategoryAnonymous;
  @Optional() @IsIn(TOPICS_VISIBLE_TO) topicsVisibleTo?: TopicsVisibleTo;
}

export class UpdateCategoryDto implements Exactly<UpdateCategoryBody, UpdateCategoryDto> {
  @Optional() @CleanText() @IsString() @Length(1, 80) @SafeText() name?: string;
  @Optional() @CleanText() @IsString() @MaxLength(500) @SafeText() description?: string;
  @Optional() @ValidateNested() @Type(() => CategoryAccessInputDto) access?: CategoryAccessInputDto;
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'sharedGroupIds must be ids' })
  sharedGroupIds?: string[];
  /** null: back to the derived hue. */
  @IsOptional() @IsString({ message: COLOR_MESSAGE }) @Matches(COLOR, { message: COLOR_MESSAGE }) color?: string | null;
  @Optional() @IsInt() @Min(0) @Max(10_000) position?: number;
  /** null: a top-level category. */
  @IsOptional() @IsUUID('all', { message: 'parentId must be an id or null' }) parentId?: string | null;
  @Optional() @IsIn(['everyone', 'members']) seeAccess?: CategoryAccessDto['see'];
  @Optional() @IsIn(SPACE_AUDIENCES) startAccess?: SpaceAudience;
  @Optional() @IsIn(SPACE_AUDIENCES) replyAccess?: SpaceAudience;
  @Optional() @IsIn(CATEGORY_ANONYMOUS) anonymous?: CategoryAnonymous;
  @Optional() @IsBoolean() anonymousReview?: boolean;
  @Optional() @IsIn(TOPICS_VISIBLE_TO) topicsVisibleTo?: TopicsVisibleTo;
}

export class DeleteCategoryDto implements Exactly<DeleteCategoryBody, DeleteCategoryDto> {
  @Optional() @IsUUID('all', { message: 'moveTopicsTo must be an id' }) moveTopicsTo?: string;
}

export class CreateTopicDto implements Exactly<CreateTopicBody, CreateTopicDto> {
  @IsUUID('all', { message: 'categoryId must be an id' }) categoryId: string;
  @CleanText() @IsString() @Length(3, 200) @SafeText() title: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body: string;
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() contentWarning?: string;
  @Optional() @IsBoolean() anonymous?: boolean;
}

export class UpdateTopicDto implements Exactly<UpdateTopicBody, UpdateTopicDto> {
  @Optional() @CleanText() @IsString() @Length(3, 200) @SafeText() title?: string;
  @Optional() @IsUUID('all', { message: 'categoryId must be an id' }) categoryId?: string;
  @Optional() @IsBoolean() pinned?: boolean;
  @Optional() @IsBoolean() locked?: boolean;
  /** Up to a day between a member's posts; 0 turns slow mode off. */
  @Optional() @IsInt() @Min(0) @Max(86_400) slowModeSeconds?: number;
}

export class CreatePostDto implements Exactly<CreatePostBody, CreatePostDto> {
  @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body: string;
  @Optional() @IsUUID('all', { message: 'parentId must be an id' }) parentId?: string;
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() contentWarning?: string;
  /** Posts quoted in the body; each must be visible to the author. */
  @Optional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true, message: 'quotes must be post ids' }) quotes?: string[];
  @Optional() @IsBoolean() anonymous?: boolean;
}

export class UpdatePostDto implements Exactly<UpdatePostBody, UpdatePostDto> {
  @Optional() @IsString() @IsNotEmpty() @MaxLength(MAX_BODY) @NoNul() body?: string;
  @Optional() @IsBoolean() wiki?: boolean;
  /** The post's `revision` the editor started from: a body edit made from an older one answers 409. */
  @Optional() @IsInt() @Min(0) @Max(2_147_483_647) baseRevision?: number;
}

export class PreviewDto implements Exactly<PreviewBody, PreviewDto> {
  @IsString() @MaxLength(MAX_BODY) @NoNul() body: string;
}

export class NotificationLevelDto implements Exactly<NotificationLevelBody, NotificationLevelDto> {
  @IsIn(NOTIFICATION_LEVELS) level: NotificationLevel;
}

export class ReadDto implements Exactly<ReadBody, ReadDto> {
  @IsUUID('all', { message: 'postId must be an id' }) postId: string;
}

export class TopicsQueryDto extends PageQueryDto implements Exactly<TopicsQuery, TopicsQueryDto> {
  @Optional() @IsIn(TOPIC_FILTERS, { message: `filter must be one of ${TOPIC_FILTERS.join(', ')}` }) filter?: TopicFilter;
  @Optional() @IsIn(TOPIC_PERIODS, { message: `period must be one of ${TOPIC_PERIODS.join(', ')}` }) period?: TopicPeriod;
}

export class TopicPostsQueryDto extends PageQueryDto implements Exactly<TopicPostsQuery, TopicPostsQueryDto> {
  /** Only posts numbered after this one: how a reconnecting reader catches up on what it missed. */
  @Optional() @Type(() => Number) @IsInt({ message: 'after must be a post number' }) @Min(0) @Max(1_000_000_000) after?: number;
  /** A deep link's post: the page holding it. */
  @Optional() @Type(() => Number) @IsInt({ message: 'around must be a post number' }) @Min(1) @Max(1_000_000_000) around?: number;
  /** Paging upwards: the posts just before this number. */
  @Optional() @Type(() => Number) @IsInt({ message: 'before must be a post number' }) @Min(1) @Max(1_000_000_000) before?: number;
}
