import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { PrivateCacheInterceptor } from './private-cache.interceptor';

@Global()
@Module({
  providers: [
    AccessService,
    { provide: APP_GUARD, useClass: AccessGuard },
    // Beside the guard that finds the caller: whoever is signed in gets answers no cache keeps.
    { provide: APP_INTERCEPTOR, useClass: PrivateCacheInterceptor },
  ],
  exports: [AccessService],
})
export class AccessModule {}
