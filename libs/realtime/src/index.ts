export { RealtimeModule } from './realtime.module';
export { sessionRoom, userRoom } from './realtime.gateway';
