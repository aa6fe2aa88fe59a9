import { env } from "@/lib/env";

/** Absolute links into the app, for messages read outside it. */
export const bookingLink = (bookingId: string) => new URL(`/bookings/${bookingId}`, env.APP_URL).toString();
export const eventLink = (eventId: string) => new URL(`/events/${eventId}`, env.APP_URL).toString();
export const signInLink = () => new URL("/sign-in", env.APP_URL).toString();
