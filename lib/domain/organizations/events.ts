import { z } from "zod";

/** The facts the organizations domain emits; the invitation email job consumes them. */
export const organizationEvents = {
  "organization.member_invited": z.object({
    invitationId: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    email: z.email(),
    role: z.enum(["owner", "manager", "checkin", "finance"]),
    invitedBy: z.uuid(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
};
