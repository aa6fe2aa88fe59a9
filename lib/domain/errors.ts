/**
 * The one small, closed set of domain errors. Domain code never knows HTTP: the faces map
 * `kind` to a status (lib/http/problem.ts) and show `message` to the user. `code` is the
 * stable machine code from API.md (SOLD_OUT, VERSION_CONFLICT, …).
 */
export type FieldError = { path: string; message: string };

export type DomainErrorKind =
  | "BadRequest"
  | "Unauthenticated"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Validation"
  | "PreconditionFailed"
  | "RateLimited"
  | "ContentTooLarge"
  | "UnsupportedMediaType";

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request that cannot be understood as sent (malformed JSON, a wrong or expired one-time code). */
export class BadRequest extends DomainError {
  readonly kind = "BadRequest";
}
export class Unauthenticated extends DomainError {
  readonly kind = "Unauthenticated";
  constructor(code = "UNAUTHENTICATED", message = "Sign in to continue.") {
    super(code, message);
  }
}
export class Forbidden extends DomainError {
  readonly kind = "Forbidden";
  constructor(code = "FORBIDDEN", message = "You are not allowed to do that.") {
    super(code, message);
  }
}
export class NotFound extends DomainError {
  readonly kind = "NotFound";
  constructor(code = "NOT_FOUND", message = "Not found.") {
    super(code, message);
  }
}
export class Conflict extends DomainError {
  readonly kind = "Conflict";
  /** Facts a client acts on beside the message (ALREADY_CHECKED_IN: when, by whom); they become problem members. */
  constructor(
    code: string,
    message: string,
    readonly facts: Record<string, unknown> = {},
  ) {
    super(code, message);
  }
}
export class Validation extends DomainError {
  readonly kind = "Validation";
  constructor(code: string, message: string, fieldErrors: FieldError[]) {
    super(code, message, fieldErrors);
  }
}
export class PreconditionFailed extends DomainError {
  readonly kind = "PreconditionFailed";
}
/** An upload over a size or pixel limit. */
export class ContentTooLarge extends DomainError {
  readonly kind = "ContentTooLarge";
}
/** An upload whose bytes are not of a type the use case takes (whatever the client declared). */
export class UnsupportedMediaType extends DomainError {
  readonly kind = "UnsupportedMediaType";
}
export class RateLimited extends DomainError {
  readonly kind = "RateLimited";
  constructor(
    readonly retryAfterSeconds: number,
    readonly limit: number,
    readonly resetAt: Date,
    message = "Too many requests. Try again later.",
  ) {
    super("RATE_LIMITED", message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
