"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attendeeMessageBody, countMessageRecipients, messageAttendees } from "@/lib/domain/bookings";
import { action } from "@/lib/web/action";

const messageForm = z.object({
  eventId: z.string(),
  /** "all" or a ticket type id. */
  audience: z.string().default("all"),
  subject: z.string().default(""),
  body: z.string().default(""),
  intent: z.enum(["preview", "send"]).default("preview"),
});

/**
 * Preview first: the message as attendees will read it and how many orders it reaches, with
 * nothing sent. Send: recorded and handed to the job that mails it in batches.
 */
export const messageAttendeesAction = action(messageForm, async ({ input, ctx }) => {
  const { subject, body, ticketTypeId } = attendeeMessageBody.parse({
    subject: input.subject,
    body: input.body,
    ticketTypeId: input.audience === "all" ? null : input.audience,
  });
  const values = { audience: input.audience, subject, body };
  if (input.intent === "preview") {
    const recipients = await countMessageRecipients({ ctx, input: { eventId: input.eventId, ticketTypeId } });
    return { sent: false, recipients, ...values };
  }
  await messageAttendees({ ctx, input: { eventId: input.eventId, ticketTypeId, subject, body } });
  revalidatePath(`/dashboard/events/${input.eventId}/messages`);
  return { sent: true, recipients: 0, audience: "all", subject: "", body: "" };
});
