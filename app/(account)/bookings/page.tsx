import { redirect } from "next/navigation";

/** "My bookings" became "My orders": old links and bookmarks land on the same list (a booking is an order). */
export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { cursor } = await searchParams;
  redirect(typeof cursor === "string" ? `/orders?cursor=${encodeURIComponent(cursor)}` : "/orders");
}
