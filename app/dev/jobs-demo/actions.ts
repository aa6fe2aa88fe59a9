"use server";

import { z } from "zod";
import { NotFound } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { mailTransport } from "@/lib/mail/transport";
import { action } from "@/lib/web/action";

const demoForm = z.object({ to: z.email("Enter an email address.") });

/**
 * Records the demo fact like any use case records its facts: in a transaction, through the
 * outbox. The email is sent by the send-demo-email job once the commit is seen.
 */
export const requestDemoEmailAction = action(demoForm, async ({ input, ctx }) => {
  if (mailTransport() !== "mailbox") throw new NotFound();
  await withTransaction(ctx, (tx) => emit(tx, { name: "platform.demo_requested", data: { to: input.to }, requestId: ctx.requestId }));
  ctx.log.info("platform.demo_requested");
  return { to: input.to };
});
