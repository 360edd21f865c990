export { ModerationModule } from './moderation.module';
export { Flag } from './flag.entity';
export { ReviewItem } from './review-item.entity';
export { Sanction } from './sanction.entity';
export { ModeratorNote } from './moderator-note.entity';
export { UnmaskRequest } from './unmask-request.entity';
