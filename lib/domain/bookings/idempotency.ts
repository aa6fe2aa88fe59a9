import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { Conflict, DomainError, NotFound, Validation } from "@/lib/domain/errors";
import type { OrderView } from "./order-view";
import { idempotencyKeys } from "./schema";

/** What an order (or booking) request was answered with, in domain terms. */
export type OrderOutcome =
  | { order: OrderView }
  | { error: { kind: "Conflict" | "NotFound" | "Validation"; code: string; message: string } };

export type KeyRef = { userId: string; key: string; requestHash: string };

/**
 * Identifies the request a key was first used for: same event, same quantity. The request is
 * this small and not secret, so its canonical form is its own fingerprint (no hashing needed).
 */
export function requestHash(eventId: string, quantity: number): string {
  return `${eventId}:${quantity}`;
}

/** The same for an order: its event, its lines in a canonical order, and the code as matched (case-insensitive). */
export function orderRequestHash(eventId: string, items: { ticketTypeId: string; quantity: number }[], promoCode: string | undefined): string {
  const lines = [...items].sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : 1)).map((i) => `${i.ticketTypeId}x${i.quantity}`);
  return `order:${eventId}:${lines.join(",")}:${promoCode?.trim().toLowerCase() ?? ""}`;
}

export function outcomeOfError(error: DomainError): OrderOutcome {
  if (error.kind !== "Conflict" && error.kind !== "NotFound" && error.kind !== "Validation") throw error;
  return { error: { kind: error.kind, code: error.code, message: error.message } };
}

export async function findOutcome(db: DbOrTx, ref: KeyRef) {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, outcome: idempotencyKeys.outcome })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)));
  return row && { requestHash: row.requestHash, outcome: row.outcome as OrderOutcome };
}

/** Records a refusal unless a racing request with the key answered first; returns whichever answer stands. */
export async function recordOutcome(db: DbOrTx, ref: KeyRef, outcome: OrderOutcome, at: Date) {
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({ ...ref, outcome, createdAt: at })
    .onConflictDoNothing()
    .returning({ requestHash: idempotencyKeys.requestHash });
  if (inserted) return { requestHash: inserted.requestHash, outcome };
  const existing = await findOutcome(db, ref);
  if (!existing) throw new Error("idempotency key vanished between insert and read");
  return existing;
}

/** The stored answer again: the order, or the same refusal thrown anew. */
export function replay(stored: { requestHash: string; outcome: OrderOutcome }, requestHash: string): OrderView {
  if (stored.requestHash !== requestHash) {
    throw new Validation(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was already used for a different request. Use a new key for a new booking.",
      [],
    );
  }
  if ("order" in stored.outcome) return stored.outcome.order;
  const { kind, code, message } = stored.outcome.error;
  if (kind === "Validation") throw new Validation(code, message, []);
  throw kind === "NotFound" ? new NotFound(code, message) : new Conflict(code, message);
}
