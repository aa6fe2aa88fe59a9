import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { listMyWaitlist } from "@/lib/domain/bookings";
import { getEventsByIds } from "@/lib/domain/events";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { LiveEntries } from "./live-entries";

export const metadata: Metadata = { title: "My waitlist" };

export default async function MyWaitlistPage() {
  await requireSession("/waitlist");
  const ctx = await currentCtx();
  const { data } = await listMyWaitlist({ ctx, input: { limit: 50 } });
  const events = await getEventsByIds({ ctx, input: { ids: data.map((e) => e.eventId) } });
  const titles = Object.fromEntries(events.map((e) => [e.id, e.title]));
  return (
    <>
      <PageHeader
        title="My waitlist"
        description="Your place in line updates by itself. When seats free up for your whole request, we book them and email your tickets."
        actions={
          <Link href="/orders" className="text-sm text-brand-700 underline">
            My orders
          </Link>
        }
      />
      {data.length === 0 ? (
        <EmptyState title="You are not waiting for any event">When an event is sold out, join its waitlist from the event page.</EmptyState>
      ) : (
        <LiveEntries entries={data} titles={titles} />
      )}
    </>
  );
}
