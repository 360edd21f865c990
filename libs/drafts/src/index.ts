export { Draft } from './draft.entity';
export { DraftsModule } from './drafts.module';
