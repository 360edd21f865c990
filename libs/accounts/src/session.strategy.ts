import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { SESSION_COOKIE, type Caller } from '@harbour/access';
import { SessionsService } from './sessions.service';

/**
 * The passport strategy behind the global AccessGuard: a session token from `Authorization: Bearer` or
 * from the httpOnly session cookie. No token, or a dead one, makes an anonymous caller.
 */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(request: Request): Promise<Caller | null> {
    const authorization = request.header('authorization');
    if (authorization?.startsWith('Bearer ')) return this.sessions.authenticate(authorization.slice(7).trim(), 'bearer');
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    const cookie = cookies?.[SESSION_COOKIE];
    return cookie ? this.sessions.authenticate(cookie, 'cookie') : null;
  }
}
