import type { NextFunction, Request, Response } from 'express';

/**
 * Routes that take something other than JSON, and what they take (everything else under /api takes JSON);
 * `null`: the route judges its body itself (the CSV import names the type it wants in a 400).
 */
const OTHER_BODIES: Record<string, string[] | null> = {
  // RFC 8058: mail clients send the one-click unsubscribe as a tiny form.
  '/api/notifications/unsubscribe': ['application/json', 'application/x-www-form-urlencoded'],
  '/api/mailing/unsubscribe': ['application/json', 'application/x-www-form-urlencoded'],
  '/api/alerts/unsubscribe': ['application/json', 'application/x-www-form-urlencoded'],
  '/api/mailing/subscribers/import': null,
  // A member's picture is a multipart upload (its bytes are judged by the route, whatever the part's type).
  '/api/me/avatar': ['multipart/form-data'],
  '/api/uploads': ['multipart/form-data'],
  '/api/admin/settings/logo': ['multipart/form-data'],
};

/**
 * Refuses a body whose Content-Type the route does not read, with 415 in the API's error shape. Without it,
 * express's JSON parser skips a text/plain or form body and the route runs as if it had received nothing
 * (a PATCH "succeeding" with no change), which tells a client that sent the wrong type nothing.
 */
export function refuseUnreadableBodies(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return next();
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return next();
  // Mounted on /api, so `path` has lost the prefix: the whole address names the route.
  const path = (request.originalUrl.split('?')[0] ?? '').replace(/\/+$/, '');
  const accepted = path in OTHER_BODIES ? OTHER_BODIES[path] : ['application/json'];
  if (!accepted || request.is(accepted)) return next();
  response.status(415).json({
    statusCode: 415,
    message: `Content-Type must be ${accepted.join(' or ')}`,
    error: 'Unsupported Media Type',
  });
}
