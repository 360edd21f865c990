export { PushModule } from './push.module';
export { PushKeys as PushKeyPair } from './push-keys.entity';
export { PushSubscription } from './push-subscription.entity';
export { endpointProblem } from './push-endpoint';
export { PushSender } from './push-sender';
export { PushRepository } from './push.repository';
export type { StoredSubscription } from './push.repository';
