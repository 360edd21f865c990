/**
 * Typed errors that services raise; the one exception filter maps each to the status code of api.md.
 * A message here may reach the client, so it never names private things.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Fields the error body carries besides the usual three (`totpRequired`), for clients to act on. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** 400: the message names the field. */
export class InvalidInputError extends DomainError {
  readonly status = 400;
}

export class NotAuthenticatedError extends DomainError {
  readonly status = 401;
}

/** 401 at sign-in: the password was right, and the account's two-factor code is missing or wrong (api.md 1.1). */
export class TwoFactorRequiredError extends NotAuthenticatedError {
  override readonly details = { totpRequired: true };
  constructor() {
    super('two-factor code required');
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** 404 for what does not exist *and* for what the caller may not see: the two are never told apart. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor() {
    super('Not Found');
  }
}

/** 301: what was asked for lives elsewhere now (a merged topic); only ever raised once the caller may see `location`. */
export class MovedPermanentlyError extends DomainError {
  readonly status = 301;
  override readonly details: Readonly<{ location: string }>;
  constructor(readonly location: string) {
    super('Moved Permanently');
    this.details = { location };
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** 415: an upload whose bytes are not of a kind the route takes (judged by the bytes, never the name or claimed type). */
export class UnsupportedMediaError extends DomainError {
  readonly status = 415;
}

/** 413: a file past the site's upload limit (the message says the limit). */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

/** 422: refused by a rule (a locked topic, a watched word). */
export class RuleRefusedError extends DomainError {
  readonly status = 422;
}

export class RateLimitedError extends DomainError {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests; try again later');
  }
}
