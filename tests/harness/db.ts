import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/log/logger";
import type { Actor, Ctx } from "@/lib/domain/context";

const SCHEMAS = ["auth", "events", "bookings", "analytics", "media", "platform", "webhooks", "payments", "organizations"];

/** Empties every domain table of this worker's database (the migrations table stays). */
export async function resetDatabase(): Promise<void> {
  const db = getDb();
  const rows = await db.execute<{ name: string }>(sql`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname in ${SCHEMAS} and tablename <> 'migrations'`);
  if (rows.length === 0) return;
  await db.execute(sql.raw(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`));
}

/** A hand-made use-case context, as STYLE.md describes. */
export function testCtx(actor: Actor = { type: "system" }, overrides: Partial<Ctx> = {}): Ctx {
  return {
    actor,
    db: getDb(),
    requestId: randomUUID(),
    log: logger,
    now: () => new Date(),
    ...overrides,
  };
}
