export { ConfigError, loadConfig, resolveSessionSecret } from './config';
export type { HarbourConfig, LogLevel } from './config';
export { ConfigModule, HARBOUR_CONFIG } from './config.module';
