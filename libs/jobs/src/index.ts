export { JobQueue } from './job-queue.service';
export type { JobDefinition, JobHandler, JobsOptions, SendOptions } from './job-queue.service';
export { JobsModule } from './jobs.module';
