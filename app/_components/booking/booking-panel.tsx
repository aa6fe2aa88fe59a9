import { randomUUID } from "node:crypto";
import Link from "next/link";
import { priceRangeLabel } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { ButtonLink } from "@/app/_components/ui/button";
import { TicketSelector } from "@/app/_components/checkout/ticket-selector";
import { getBookingOptions, listTicketTypes, type TicketTypeView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { isDomainError } from "@/lib/domain/errors";
import { currentCtx } from "@/lib/web/current-actor";
import { JoinWaitlistForm } from "./join-waitlist-form";
import { LivePosition } from "./live-position";

/** The public's types; an event the visitor may not see has none (the page answers 404 for it anyway). */
function visibleTicketTypes(ctx: Ctx, eventId: string): Promise<TicketTypeView[]> {
  return listTicketTypes({ ctx, input: { eventId } }).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "NotFound") return [];
    throw error;
  });
}

/** On sale now: inside its sale window (hidden and retired types never reach the public list). */
function onSaleNow(type: TicketTypeView, now: Date): boolean {
  return (!type.salesStartAt || new Date(type.salesStartAt) <= now) && (!type.salesEndAt || now < new Date(type.salesEndAt));
}

/**
 * The ticket area of an event page: sign-in or verify prompts, the ticket selector (one row per
 * type on sale, promo code, running total), or Join waitlist once sold out, and the visitor's
 * own seats and place in line.
 */
export async function BookingPanel({ eventId }: { eventId: string }) {
  const ctx = await currentCtx();
  const [options, types] = await Promise.all([getBookingOptions({ ctx, input: { eventId } }), visibleTicketTypes(ctx, eventId)]);
  if (!options) return null;
  const now = ctx.now();
  const selling = types.filter((t) => !t.hidden && !t.retiredAt && onSaleNow(t, now));
  const price = priceRangeLabel(selling.map((t) => t.priceCents), options.currency);
  const here = `/events/${eventId}`;

  return (
    <section aria-labelledby="booking-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="booking-panel">
      <h2 id="booking-heading" className="text-lg font-semibold text-slate-900">
        Tickets {price ? <span className="text-sm font-normal text-slate-600">· {price}</span> : null}
      </h2>
      <p className="text-sm text-slate-700" data-testid="seats-available">
        {options.state === "closed"
          ? "Booking is closed for this event."
          : options.seatsAvailable === 0
            ? "Sold out."
            : `${options.seatsAvailable.toLocaleString("en")} ${options.seatsAvailable === 1 ? "seat" : "seats"} available.`}
      </p>
      {options.mySeats > 0 ? (
        <Alert tone="success">
          <span data-testid="my-seats">
            You hold {options.mySeats} {options.mySeats === 1 ? "seat" : "seats"} for this event.
          </span>{" "}
          <Link href="/orders" className="font-medium underline">
            See your orders
          </Link>
        </Alert>
      ) : null}
      {options.state === "closed" ? null : ctx.actor.type !== "user" ? (
        <div className="flex flex-wrap items-center gap-3">
          {options.state === "sold_out" ? (
            <p className="w-full text-sm text-slate-700" data-testid="waitlist-invite">
              There is a waitlist: sign in to join it, and when seats free up we book them for you and email your tickets.
            </p>
          ) : null}
          <ButtonLink href={`/sign-in?next=${encodeURIComponent(here)}`}>{options.state === "sold_out" ? "Sign in to join the waitlist" : "Sign in to book"}</ButtonLink>
          <Link href="/sign-up" className="text-sm text-brand-700 underline">
            Create an account
          </Link>
        </div>
      ) : !ctx.actor.emailVerified ? (
        <Alert tone="warning">
          Verify your email address before booking.{" "}
          <Link href="/verify" className="font-medium underline">
            Enter your code
          </Link>
        </Alert>
      ) : options.myEntry ? (
        <LivePosition entry={options.myEntry} />
      ) : options.maxQuantity === 0 ? (
        <p className="text-sm text-slate-600">You hold the most seats one person may book for this event ({options.perUserLimit}).</p>
      ) : options.state === "open" && selling.length === 0 ? (
        <p className="text-sm text-slate-600">No tickets are on sale right now.</p>
      ) : options.state === "open" ? (
        <TicketSelector
          eventId={eventId}
          idempotencyKey={randomUUID()}
          options={selling.map(({ id, name, description, priceCents, seatsAvailable, perOrderMax }) => ({ id, name, description, priceCents, seatsAvailable, perOrderMax }))}
          currency={options.currency}
          budget={Math.min(options.maxQuantity, options.seatsAvailable)}
          waitlistMaxQuantity={options.maxQuantity}
        />
      ) : (
        <JoinWaitlistForm eventId={eventId} maxQuantity={options.maxQuantity} />
      )}
    </section>
  );
}
