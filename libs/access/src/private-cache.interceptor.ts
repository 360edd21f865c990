import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import type { Caller } from './caller';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * `Cache-Control: private, no-store` on every answer that may be someone's own: to a signed-in caller
 * (their pages, their private spaces, /api/me), to any write, and to a read that carries a token (an
 * unsubscribe or invitation link). A shared cache (a proxy, a CDN) or a shared computer's browser then
 * keeps none of it. Only anonymous public reads stay cacheable. Set before the handler runs, so an error
 * answer (a 404 for a private topic) carries it too.
 */
@Injectable()
export class PrivateCacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: Caller | null }>();
    const query = request.query as Record<string, unknown>;
    if (request.user || !SAFE_METHODS.has(request.method) || query.token !== undefined) {
      context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'private, no-store');
    }
    return next.handle();
  }
}
