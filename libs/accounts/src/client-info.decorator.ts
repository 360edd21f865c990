import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ClientInfo } from './auth.service';

/** The client's address (behind trusted proxies, the forwarded one) and user agent. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<Request>();
  return { address: request.ip ?? 'unknown', userAgent: request.header('user-agent') };
});
