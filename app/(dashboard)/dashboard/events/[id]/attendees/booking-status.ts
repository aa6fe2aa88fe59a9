const CANCELLED_BY: Record<string, string> = {
  holder: "Cancelled by the attendee",
  organizer: "Cancelled by the organizer",
  admin: "Cancelled by an admin",
  event_cancelled: "Cancelled with the event",
};

/** A booking's status as the organizer reads it: who cancelled, not the stored code. */
export function bookingStatusWords(status: string, cancelledBy: string | null | undefined): string {
  if (status === "confirmed") return "Confirmed";
  return (cancelledBy && CANCELLED_BY[cancelledBy]) || "Cancelled";
}
