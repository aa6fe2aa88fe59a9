import { redirect } from "next/navigation";

/** A booking's old address (emails sent before orders) opens the same record's order page. */
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/orders/${encodeURIComponent(id)}`);
}
