import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { getDailyAnalytics, type DailyPoint } from "@/lib/domain/analytics";
import { isDomainError } from "@/lib/domain/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { loggerFor } from "@/lib/log/logger";
import { currentActor } from "@/lib/web/current-actor";

const COLUMNS: (keyof DailyPoint)[] = ["date", "bookings", "seatsSold", "cancellations", "seatsCancelled", "revenueCents", "revenueCancelledCents"];
const HEADER = ["date", "bookings", "seats_sold", "cancellations", "seats_cancelled", "revenue_cents", "revenue_cancelled_cents"];

const STATUS: Record<string, number> = { Unauthenticated: 401, Forbidden: 403, NotFound: 404, Validation: 422 };

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The dashboard's daily series as CSV, for the signed-in web session (same scope and query as
 * GET /api/v1/analytics/daily: from, to, eventId, bucket). Values are numbers and ISO dates
 * only, so nothing needs quoting and no cell can be read as a spreadsheet formula.
 */
export async function GET(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const url = new URL(req.url);
  const input = Object.fromEntries(["from", "to", "eventId", "bucket"].flatMap((k) => (url.searchParams.has(k) ? [[k, url.searchParams.get(k)!]] : [])));
  try {
    const ctx = { actor: await currentActor(), db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() };
    const series = await getDailyAnalytics({ ctx, input });
    const lines = [HEADER.join(","), ...series.data.map((row) => COLUMNS.map((c) => String(row[c])).join(","))];
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
