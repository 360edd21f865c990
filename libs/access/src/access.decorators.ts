import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Caller } from './caller';
import type { Permission } from './permissions';

export const PUBLIC_KEY = 'harbour:public';
export const PERMISSION_KEY = 'harbour:permission';
export const EVEN_SILENCED_KEY = 'harbour:even-silenced';

/** The route is open to anonymous visitors (the caller, if signed in, is still known). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * The route needs a signed-in member, and with `permission` a site role that grants it. Every route
 * already needs a session (deny by default); this decorator says which permission and documents it.
 */
export function Authenticated(options: { permission?: Permission } = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PERMISSION_KEY, options.permission ?? null), ApiBearerAuth(), ApiCookieAuth());
}

/** The route changes nothing others see (signing out): a silenced member may still call it. */
export const EvenWhenSilenced = (): MethodDecorator => SetMetadata(EVEN_SILENCED_KEY, true);

/** The signed-in member (or null on a public route). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | null => {
  const request = context.switchToHttp().getRequest<Request & { user?: Caller | null }>();
  return request.user ?? null;
});
