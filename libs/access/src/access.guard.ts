import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError, NotAuthenticatedError } from '@harbour/common';
import { CSRF_COOKIE, CSRF_HEADER, type Caller } from './caller';
import { EVEN_SILENCED_KEY, PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import { hasPermission, type Permission } from './permissions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The global guard: deny by default. It identifies the caller through the passport "session" strategy,
 * lets anonymous visitors through only on `@Public()` routes, enforces the CSRF check on cookie-authenticated
 * writes, and checks the permission a route declares.
 */
@Injectable()
export class AccessGuard extends AuthGuard('session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in the gateway's middleware
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<Request & { user?: Caller | null }>();
    const caller = request.user ?? null;
    const targets = [context.getHandler(), context.getClass()];

    if (caller?.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const cookies = request.cookies as Record<string, string | undefined> | undefined;
      const cookie = cookies?.[CSRF_COOKIE];
      const header = request.header(CSRF_HEADER);
      if (!cookie || !header || !sameSecret(cookie, header)) {
        throw new ForbiddenError('Missing or invalid CSRF token (send the harbour_csrf cookie as X-CSRF-Token)');
      }
    }

    // Silenced: read, never write. Signing out stays possible.
    if (
      caller?.silenced &&
      !SAFE_METHODS.has(request.method) &&
      !this.reflector.getAllAndOverride<boolean | undefined>(EVEN_SILENCED_KEY, targets)
    ) {
      throw new ForbiddenError('You are silenced: you can read, but not post or change anything for now');
    }

    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    if (caller === null) throw new NotAuthenticatedError('Sign in first');
    const permission = this.reflector.getAllAndOverride<Permission | null | undefined>(PERMISSION_KEY, targets);
    if (permission && !hasPermission(caller, permission)) throw new ForbiddenError('You are not allowed to do this');
    return true;
  }

  /** An absent or invalid token makes an anonymous caller; the checks above decide what they may do. */
  override handleRequest<TUser = Caller | null>(error: unknown, user: unknown): TUser {
    if (error) throw error instanceof Error ? error : new Error('Authentication failed');
    return (user || null) as TUser;
  }
}
