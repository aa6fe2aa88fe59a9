import { PreconditionFailed, Validation } from "@/lib/domain/errors";

const MAX_KEY_LENGTH = 255;

/** The request's Idempotency-Key (required by the booking and order routes, API.md): 428 without one, 422 when too long. */
export function idempotencyKey(req: Request): string {
  const key = req.headers.get("idempotency-key")?.trim();
  if (!key) throw new PreconditionFailed("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (e.g. a UUID) so a retried request cannot book twice.");
  if (key.length > MAX_KEY_LENGTH) {
    throw new Validation("VALIDATION_FAILED", "The Idempotency-Key header is too long.", [
      { path: "Idempotency-Key", message: `must be at most ${MAX_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}
