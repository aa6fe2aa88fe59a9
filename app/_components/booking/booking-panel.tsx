/** The booking area of an event page (quantity picker + Book, or Join waitlist). */
export async function BookingPanel(_props: { eventId: string }) {
  return null;
}
