import { bookSeatsRoute } from "@/app/api/v1/_contracts/bookings";
import { bookSeats, enforceBookingRateLimit } from "@/lib/domain/bookings";
import { PreconditionFailed, Validation } from "@/lib/domain/errors";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const MAX_KEY_LENGTH = 255;

function idempotencyKey(req: Request): string {
  const key = req.headers.get("idempotency-key")?.trim();
  if (!key) throw new PreconditionFailed("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (e.g. a UUID) so a retried request cannot book twice.");
  if (key.length > MAX_KEY_LENGTH) {
    throw new Validation("VALIDATION_FAILED", "The Idempotency-Key header is too long.", [
      { path: "Idempotency-Key", message: `must be at most ${MAX_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}

const post = withApi(bookSeatsRoute, async ({ req, ctx, params, body }) => {
  const key = idempotencyKey(req);
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  const { booking, replayed } = await bookSeats({ ctx, input: { eventId: params.id, quantity: body.quantity, idempotencyKey: key } });
  return json(booking, 201, replayed ? { "idempotent-replayed": "true" } : undefined);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
