import { DynamicModule, Global, Module } from '@nestjs/common';
import type { HarbourConfig } from './config';

/** The injection token for the validated HarbourConfig. */
export const HARBOUR_CONFIG = Symbol('HARBOUR_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: HarbourConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: HARBOUR_CONFIG, useValue: config }], exports: [HARBOUR_CONFIG] };
  }
}
