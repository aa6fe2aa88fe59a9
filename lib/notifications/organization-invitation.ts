import type { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { MEMBER_ROLE_LABELS, type organizationEvents } from "@/lib/domain/organizations";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import { invitationLink } from "./links";

type MemberInvited = z.infer<(typeof organizationEvents)["organization.member_invited"]>;

/** Mails an invitation link to the invited address; one message per invitation fact (a renewal is a new fact). */
export async function sendOrganizationInvitationEmail({ ctx, input }: { ctx: Ctx; input: MemberInvited & { factId: string } }): Promise<SendEmailResult> {
  const [inviter] = await getUsersByIds({ ctx, input: { ids: [input.invitedBy] } });
  return sendEmail(ctx.db, {
    dedupeKey: `organization-invitation:${input.factId}`,
    to: input.email,
    message: {
      template: "organization-invitation",
      props: {
        organizationName: input.organizationName,
        inviterName: inviter?.name || "A member",
        roleLabel: MEMBER_ROLE_LABELS[input.role],
        expiresAt: input.expiresAt,
        acceptUrl: invitationLink(input.invitationId),
      },
    },
  });
}
