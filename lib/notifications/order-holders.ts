import { getUsersByIds } from "@/lib/domain/auth";
import { listOrdersToNotify } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import type { EmailMessage } from "@/emails/render";
import { sendEmail } from "@/lib/mail/send-email";

/** One page of an event's confirmed orders, from a keyset cursor over order ids. */
export type HoldersPage = { eventId: string; ticketTypeId?: string | null; afterOrderId: string | null; batchSize: number };

/** Whom one mail goes to: an order's buyer, or the person one of its tickets was transferred to. */
export type HolderMail = { email: string; name?: string; orderId: string; quantity: number; buyer: boolean };

/**
 * Mails one page of an event's ticket holders: each confirmed order's buyer and everyone its
 * tickets were transferred to. `compose` gives each mail its dedupe key, so a retried page
 * sends nothing twice. Returns the page's last order for the next step, null when done.
 */
export async function mailOrderHolders(
  ctx: Ctx,
  page: HoldersPage,
  compose: (to: HolderMail) => { dedupeKey: string; message: EmailMessage },
): Promise<{ sent: number; lastOrderId: string | null }> {
  const orders = await listOrdersToNotify({
    ctx,
    input: { eventId: page.eventId, ticketTypeId: page.ticketTypeId ?? null, afterOrderId: page.afterOrderId, limit: page.batchSize },
  });
  if (orders.length === 0) return { sent: 0, lastOrderId: null };
  const users = new Map((await getUsersByIds({ ctx, input: { ids: [...new Set(orders.map((o) => o.userId))] } })).map((u) => [u.id, u]));
  let sent = 0;
  for (const order of orders) {
    const buyer = users.get(order.userId);
    const recipients: HolderMail[] = [
      ...(buyer ? [{ email: buyer.email, name: buyer.name, orderId: order.orderId, quantity: order.quantity, buyer: true }] : []),
      ...order.holderEmails.filter((email) => email !== buyer?.email).map((email) => ({ email, orderId: order.orderId, quantity: 1, buyer: false })),
    ];
    for (const to of recipients) {
      const { dedupeKey, message } = compose(to);
      await sendEmail(ctx.db, { dedupeKey, to: to.email, message });
      sent += 1;
    }
  }
  return { sent, lastOrderId: orders.at(-1)!.orderId };
}
