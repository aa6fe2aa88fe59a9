import { ZodError } from "zod";
import { Conflict, isDomainError, RateLimited, type DomainErrorKind, type FieldError } from "@/lib/domain/errors";
import type { Logger } from "@/lib/log/logger";
import { isDatabaseUnavailable } from "@/lib/resilience/database-unavailable";

/** RFC 9457 problem details, the only error shape the API answers with. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
};

const STATUS: Record<DomainErrorKind, number> = {
  BadRequest: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  PreconditionFailed: 428,
  Validation: 422,
  RateLimited: 429,
  ContentTooLarge: 413,
  UnsupportedMediaType: 415,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? "Error";
}

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  options: { errors?: FieldError[]; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Response {
  const body: Problem & Record<string, unknown> = {
    ...options.extensions,
    type: `/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title: problemTitle(status),
    status,
    detail,
    code,
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...options.headers },
  });
}

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

export function rateLimitHeaders(e: RateLimited): Record<string, string> {
  const resetSeconds = Math.max(0, Math.ceil((e.resetAt.getTime() - Date.now()) / 1000));
  return {
    "retry-after": String(e.retryAfterSeconds),
    "ratelimit-limit": String(e.limit),
    "ratelimit-remaining": "0",
    "ratelimit-reset": String(resetSeconds),
  };
}

/** The single catch of every route handler: typed errors keep their meaning, anything else is a logged 500. */
export function toProblem(error: unknown, log: Logger): Response {
  if (error instanceof ZodError) {
    return problemResponse(422, "VALIDATION_FAILED", "The request has invalid fields.", {
      errors: zodFieldErrors(error),
    });
  }
  if (isDomainError(error)) {
    const headers = error instanceof RateLimited ? rateLimitHeaders(error) : undefined;
    const extensions = error instanceof Conflict ? error.facts : undefined;
    return problemResponse(STATUS[error.kind], error.code, error.message, { errors: error.fieldErrors, headers, extensions });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, "request.database_unavailable");
    return problemResponse(503, "DATABASE_UNAVAILABLE", "The database is unavailable for a moment. Try again shortly.", {
      headers: { "retry-after": "1" },
    });
  }
  log.error({ err: error }, "request.failed");
  return problemResponse(500, "INTERNAL_ERROR", "Something went wrong on our side. Try again later.");
}
