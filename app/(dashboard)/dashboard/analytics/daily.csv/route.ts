import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { getDailyAnalytics } from "@/lib/domain/analytics";
import { isDomainError } from "@/lib/domain/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { loggerFor } from "@/lib/log/logger";
import { currentActor } from "@/lib/web/current-actor";

const HEADER = ["date", "bookings", "seats_sold", "cancellations", "seats_cancelled", "currency", "gross_cents", "refunds_cents", "net_cents"];

const STATUS: Record<string, number> = { Unauthenticated: 401, Forbidden: 403, NotFound: 404, Validation: 422 };

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The dashboard's daily series as CSV, for the signed-in web session (same scope and query as
 * GET /api/v1/analytics/daily: from, to, eventId, bucket, currency). One row per day and
 * currency, with a currency column: each row counts only the events priced in its currency.
 * Values are numbers, ISO dates and currency codes only, so nothing needs quoting and no cell
 * can be read as a spreadsheet formula.
 */
export async function GET(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const url = new URL(req.url);
  const input = Object.fromEntries(["from", "to", "eventId", "bucket", "currency"].flatMap((k) => (url.searchParams.has(k) ? [[k, url.searchParams.get(k)!]] : [])));
  try {
    const ctx = { actor: await currentActor(), db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() };
    const series = await getDailyAnalytics({ ctx, input });
    // One line per day and currency: amounts in different currencies never share a cell or a sum.
    const lines = [
      HEADER.join(","),
      ...series.data.flatMap((row) =>
        row.revenue.map((m) => [row.date, m.bookings, m.seatsSold, m.cancellations, m.seatsCancelled, m.currency, m.grossCents, m.refundsCents, m.netCents].join(",")),
      ),
    ];
    const name = `evently-${series.bucket}-${series.from}-to-${series.to}${input.eventId ? `-${input.eventId}` : ""}.csv`;
    return new Response(`${lines.join("\r\n")}\r\n`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    if (error instanceof ZodError) return plain(422, error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    if (isDomainError(error) && STATUS[error.kind]) return plain(STATUS[error.kind]!, error.message);
    throw error;
  }
}
