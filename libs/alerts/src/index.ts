export { AlertsModule, AlertPushModule } from './alerts.module';
export { Alert } from './alert.entity';
export { AlertReport } from './alert-report.entity';
export { AlertSubscription } from './alert-subscription.entity';
export { AlertTeamMember } from './alert-team-member.entity';
export { AlertRegion } from './alert-region.entity';
