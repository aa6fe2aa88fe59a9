import { MAIL_RETRIES, sendOrRetryLater, sendOrganizationInvitationEmail as sendInvitation } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Emails the link of a new or renewed organization invitation to the invited address. */
export const sendOrganizationInvitationEmail = inngest.createFunction(
  { id: "send-organization-invitation-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["organization.member_invited"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendInvitation({ ctx, input: { ...event.data, factId: event.id! } }));
    ctx.log.info({ invitationId: event.data.invitationId, mailId: sent?.mailId }, "organization.invitation_email_sent");
    return sent;
  },
);
