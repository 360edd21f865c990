export { RealtimeModule } from './realtime.module';
export { HarbourIoAdapter } from './io-adapter';
export { sessionRoom, userRoom } from './rooms';
