import type { CategoryAnonymous, SpaceAudience, TopicsVisibleTo } from '@harbour/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A place for topics: public (groupId null) or belonging to a group. Nesting is one level deep. */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 90 })
  slug: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** The owning group; its topics are visible only to the group's members and admins. */
  @Index()
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  /** Other groups whose members take part here: a space shared by several groups for inter-agency work. */
  @Column({ name: 'shared_group_ids', type: 'uuid', array: true, default: () => "'{}'" })
  sharedGroupIds: string[];

  /** Who sees a group category: its members (the default), or everyone when the owners open it. */
  @Column({ name: 'see_access', type: 'varchar', length: 16, default: 'members' })
  seeAccess: Exclude<SpaceAudience, 'moderators'>;

  /** Who starts topics in a group category: everyone (signed in), its members, or its moderators only. */
  @Column({ name: 'start_access', type: 'varchar', length: 16, default: 'members' })
  startAccess: SpaceAudience;

  @Column({ name: 'reply_access', type: 'varchar', length: 16, default: 'members' })
  replyAccess: SpaceAudience;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Category;

  /** Its place among its siblings (same parent, same group), 0 first; renumbered whenever one moves. */
  @Column({ type: 'int', default: 0 })
  position: number;

  /** `#rrggbb`, or null for the hue clients derive from the id. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  color: string | null;

  /** Anonymous posting here: never, by choice per post, or every post (a space where nobody is named). */
  @Column({ type: 'varchar', length: 8, default: 'off' })
  anonymous: CategoryAnonymous;

  /** Anonymous posts here wait in the review queue (whoever wrote them: an exemption would tell). */
  @Column({ name: 'anonymous_review', type: 'boolean', default: false })
  anonymousReview: boolean;

  /** `author`: a support desk where each member sees only their own topics (issue 20; stored now). */
  @Column({ name: 'topics_visible_to', type: 'varchar', length: 8, default: 'everyone' })
  topicsVisibleTo: TopicsVisibleTo;

  /** Kept in the writing transaction (topic created, moved, deleted). */
  @Column({ name: 'topic_count', type: 'int', default: 0 })
  topicCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
