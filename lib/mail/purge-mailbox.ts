import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { mailbox } from "./schema";

/**
 * Retention: deletes up to `limit` sent messages stored before `before` and returns how many
 * went. Unsent rows stay: they are the trace of a delivery that failed. A message's dedupe key
 * goes with it, which is safe because no mail run is retried that late (its schedule spans a day).
 */
export async function purgeMailbox(db: DbOrTx, { before, limit }: { before: Date; limit: number }): Promise<number> {
  const deleted = await db.execute(sql`
    delete from ${mailbox} where ctid = any(array(
      select ctid from ${mailbox}
      where ${mailbox.createdAt} < ${before.toISOString()}::timestamptz and ${mailbox.sentAt} is not null limit ${limit}))`);
  return deleted.count;
}
