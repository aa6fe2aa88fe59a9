import { NotFound } from "@/lib/domain/errors";
import { json, withApi } from "@/lib/http/with-api";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { mailTransport } from "@/lib/mail/transport";
import { devMailboxRoute } from "./contract";

export const dynamic = "force-dynamic";

/** Exists only while mail is stored instead of delivered: with SMTP there is no mailbox to read. */
export const GET = withApi(devMailboxRoute, async ({ ctx, query }) => {
  if (mailTransport() !== "mailbox") throw new NotFound();
  const data = await listMailbox(ctx.db, { to: query.to, limit: query.limit });
  return json({ data }, 200, { "cache-control": "no-store" });
});
