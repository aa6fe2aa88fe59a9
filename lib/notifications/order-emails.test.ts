import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { sendOrderAwaitingPaymentEmailOnPlace } from "@/inngest/functions/send-order-awaiting-payment-email";
import { sendOrderConfirmedEmailOnConfirm } from "@/inngest/functions/send-order-confirmed-email";
import { sendOrderExpiredEmailOnExpire } from "@/inngest/functions/send-order-expired-email";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats, expireOrders } from "@/lib/domain/bookings";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";

const orderFunctions = [sendOrderAwaitingPaymentEmailOnPlace, sendOrderConfirmedEmailOnConfirm, sendOrderExpiredEmailOnExpire];
const runJobs = () => drainJobs({ db: getDb(), functions: orderFunctions, timeoutMs: 20_000 });
const subjects = async (to: string) => (await listMailbox(getDb(), { to, limit: 20 })).map((m) => m.subject);

async function orderOf(priceCents: number) {
  const organizer = await createTestUser({ role: "organizer" });
  const buyer = await createTestUser();
  const event = await publishedEvent(organizer.actor, { title: "Quay Lights", capacity: 10, priceCents });
  const { booking } = await bookSeats({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
  return { buyer, event, booking };
}

describe("order emails from the order facts", () => {
  beforeEach(resetDatabase);

  it("mails a free booking its tickets exactly once, as an order confirmation", async () => {
    const { buyer } = await orderOf(0);
    await runJobs();
    await runJobs();
    expect(await subjects(buyer.email)).toEqual(["Order confirmed: Quay Lights"]);
  });

  it("asks once for the payment of a paid order, then says once that its hold expired", async () => {
    const { buyer, event, booking } = await orderOf(2500);
    expect(booking.status).toBe("awaiting_payment");
    await runJobs();
    expect(await subjects(buyer.email)).toEqual(["Complete your payment: Quay Lights"]);

    const later = new Date(Date.now() + 11 * 60_000);
    await expireOrders({ ctx: testCtx({ type: "system" }, { now: () => later }), input: { eventId: event.id } });
    await runJobs();
    await runJobs();
    const mails = await subjects(buyer.email);
    expect(mails.filter((s) => s === "Your hold expired: Quay Lights")).toHaveLength(1);
    expect(mails.filter((s) => s === "Complete your payment: Quay Lights")).toHaveLength(1);
    expect(mails.some((s) => s.startsWith("Order confirmed") || s.startsWith("Your tickets"))).toBe(false);
  });
});
