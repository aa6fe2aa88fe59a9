import { NotFound } from "@/lib/domain/errors";
import { json, withApi } from "@/lib/http/with-api";
import { mayReadDevMailbox } from "@/lib/mail/dev-mailbox-access";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { devMailboxRoute } from "./contract";

export const dynamic = "force-dynamic";

/** Not found for whoever may not read it (lib/mail/dev-mailbox-access.ts), as when SMTP delivers the mail. */
export const GET = withApi(devMailboxRoute, async ({ ctx, query }) => {
  if (!mayReadDevMailbox(ctx.actor)) throw new NotFound();
  const data = await listMailbox(ctx.db, { to: query.to, limit: query.limit });
  return json({ data }, 200, { "cache-control": "no-store" });
});
