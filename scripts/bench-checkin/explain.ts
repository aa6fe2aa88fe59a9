/**
 * The check-in statement's real plans: seeds a scratch database (evently_explain_checkin, next
 * to DATABASE_URL's) with 2,000 events of 100 tickets each, then prints EXPLAIN ANALYZE of one
 * scan that lets a ticket in, a second scan of it and an unknown code, each rolled back, so the
 * index claims in lib/domain/bookings/check-in-statement.ts can be checked.
 * Usage: DATABASE_URL=postgres://… npx tsx scripts/bench-checkin/explain.ts
 */
import { randomUUID } from "node:crypto";
import { fillPlaceholders } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { runMigrations } from "../../lib/db/migrate";
import { checkInStatement } from "../../lib/domain/bookings/check-in-statement";

const DATABASE = "evently_explain_checkin";

const SEED = `
insert into bookings.event_inventory (event_id, organizer_id, organization_id, capacity, sold, price_cents, currency, status, starts_at, ends_at)
select ('00000000-0000-4000-8000-' || lpad(e::text, 12, '0'))::uuid, gen_random_uuid(), gen_random_uuid(), 100, 100, 0, 'EUR', 'published', now(), now() + interval '3 hours'
from generate_series(1, 2000) e;
insert into bookings.ticket_types (event_id, name, price_cents, sold)
select event_id, 'General admission', 0, 100 from bookings.event_inventory;
insert into bookings.bookings (event_id, user_id, quantity, subtotal_cents, total_cents, currency)
select i.event_id, gen_random_uuid(), 10, 0, 0, 'EUR' from bookings.event_inventory i, generate_series(1, 10);
insert into bookings.booking_items (booking_id, ticket_type_id, ticket_code)
select b.id, t.id, upper(substr(md5(random()::text), 1, 20))
from bookings.bookings b join bookings.ticket_types t on t.event_id = b.event_id, generate_series(1, 10);
analyze;`;

async function main() {
  const server = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  server.pathname = "/postgres";
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.unsafe(`create database ${DATABASE}`);
  server.pathname = `/${DATABASE}`;
  await runMigrations(server.toString());
  const sql = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(SEED);
    const [ticket] = await sql<{ eventId: string; code: string; organizerId: string; organizationId: string }[]>`
      select b.event_id as "eventId", i.ticket_code as code, inv.organizer_id as "organizerId", inv.organization_id as "organizationId"
      from bookings.booking_items i join bookings.bookings b on b.id = i.booking_id join bookings.event_inventory inv on inv.event_id = b.event_id
      limit 1`;
    const compiled = new PgDialect().sqlToQuery(checkInStatement);
    const scan = (code: string) =>
      fillPlaceholders(compiled.params, {
        eventId: ticket!.eventId,
        ticketCode: code,
        atIso: new Date().toISOString(),
        by: randomUUID(),
        organizerId: ticket!.organizerId,
        organizationId: ticket!.organizationId,
        factId: randomUUID(),
        factJson: JSON.stringify({ ticketCode: code, eventId: ticket!.eventId, organizerId: ticket!.organizerId, checkedInAt: new Date().toISOString(), checkedInBy: null }),
        requestId: "explain",
      }) as never[];
    await sql.begin(async (tx) => {
      for (const [title, code] of [["lets the ticket in", ticket!.code], ["second scan of it", ticket!.code], ["unknown code", "0000000000000000000Z"]] as const) {
        const plan = await tx.unsafe(`explain (analyze, costs off, timing off, summary off) ${compiled.sql}`, scan(code));
        process.stdout.write(`\n-- ${title}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
      }
      throw new Error("rollback");
    }).catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  } finally {
    await sql.end();
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
