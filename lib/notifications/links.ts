import { env } from "@/lib/env";

/** Absolute links into the app, for messages read outside it. */
/** A booking is an order: both open the order page. */
export const orderLink = (orderId: string) => new URL(`/orders/${orderId}`, env.APP_URL).toString();
export const bookingLink = orderLink;
export const eventLink = (eventId: string) => new URL(`/events/${eventId}`, env.APP_URL).toString();
export const webhooksLink = () => new URL("/dashboard/webhooks", env.APP_URL).toString();
export const invitationLink = (invitationId: string) => new URL(`/invitations/${invitationId}`, env.APP_URL).toString();
export const signInLink = () => new URL("/sign-in", env.APP_URL).toString();

/** The reset page with the address and code filled in, so the link alone finishes the reset. */
export function passwordResetLink(email: string, code: string): string {
  const url = new URL("/reset-password", env.APP_URL);
  url.searchParams.set("email", email);
  url.searchParams.set("code", code);
  return url.toString();
}
