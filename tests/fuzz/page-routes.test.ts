import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { openSession } from "@/lib/domain/auth/sessions";
import { bookSeats } from "@/lib/domain/bookings";
import { createEvent, publishEvent } from "@/lib/domain/events";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { ensureProductionBuild, startApp, type AppProcess } from "@/tests/scale/support/app-server";
import { BOUND_DATES, CONTROL_CHARACTERS, FORGED_CURSORS, fingerprint } from "./hostile-input";

/**
 * Every page of the app (enumerated from app/**\/page.tsx), rendered by a production server
 * for an anonymous visitor and a signed-in admin, with hostile query parameters and path
 * values: stale and forged cursors, dates past both ends, repeated parameters, control
 * characters, open-redirect targets. No answer is a 5xx, and no row changes.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const COOKIE = "authjs.session-token";

function pageRoutes(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry.startsWith("_") ? [] : pageRoutes(full);
    if (entry !== "page.tsx") return [];
    const segments = path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep).filter((s) => s && !/^\(.+\)$/.test(s));
    return [`/${segments.join("/")}`];
  });
}

const enc = encodeURIComponent;
const forged = (value: string) => `cursor=${enc(value)}`;

/** Query strings every page gets; names cover what any page reads (unknown ones must be ignored). */
const HOSTILE_QUERIES = [
  "cursor=x",
  ...FORGED_CURSORS.map(forged),
  "cursor=a&cursor=b",
  ...BOUND_DATES.map((d) => `from=${enc(d)}&to=${enc(d)}`),
  "from=0000-01-01&to=9999-12-31&q=a&q=b&category=x&category=y",
  `q=${enc(CONTROL_CHARACTERS.join(""))}&email=${enc("a\u0000b")}&name=%00`,
  `q=${"x".repeat(5000)}&email=${"e".repeat(400)}@x.io`,
  "next=/%0A/x&callbackUrl=//evil.example",
  "next=/%09/evil.example&email=x&verified=1",
  `next=${enc("/\u2603\u0000")}&role=admin&role=x&type=nope&bucket=x&by=x&limit=-1&eventId=%ZZ`,
  "created=x&updated=y&cancelled=z&status=x&tab=%E0%A4%A",
];

let app: AppProcess;
let adminCookie: string;
let ids: { event: string; booking: string };

beforeAll(async () => {
  ensureProductionBuild();
  await resetDatabase();
  const [admin, organizer, attendee] = await Promise.all([createTestUser({ role: "admin" }), createTestUser({ role: "organizer" }), createTestUser()]);
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
  const event = await createEvent({ ctx: testCtx(organizer.actor), input: { title: "Fuzz night", venue: "Hall", startsAt, endsAt, capacity: 5, priceCents: 0, currency: "EUR" } });
  await publishEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
  const { booking } = await bookSeats({ ctx: testCtx(attendee.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: "fuzz-pages" } });
  ids = { event: event.id, booking: booking.id };
  const session = await openSession(getDb(), { userId: admin.id, kind: "web", client: { ip: "", userAgent: "fuzz" }, now: new Date() });
  const token = await encode({ token: { sub: admin.id, sid: session.id, name: "Admin", email: admin.email }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  adminCookie = `${COOKIE}=${token}`;
  // No jobs run: a cron tick or a worker's heartbeat would change rows the test requires unchanged.
  app = await startApp({ jobs: "off", env: { AUTH_SECRET: process.env.AUTH_SECRET } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe("every page under hostile query parameters", () => {
  const routes = pageRoutes();

  it("finds the pages", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/bookings", "/admin/users", "/events/[id]", "/sign-in"]));
  });

  it(`never answers 5xx to ${HOSTILE_QUERIES.length} hostile queries on each page, signed in or not, and changes no row`, async () => {
    const signedIn = await fetch(`${app.url}/admin/users`, { headers: { cookie: adminCookie }, redirect: "manual" });
    expect(signedIn.status, "the minted session cookie signs the admin in").toBe(200);

    const before = await fingerprint();
    const failures: string[] = [];
    for (const route of routes) {
      const values = route.includes("[") ? [ids.event, ids.booking, "not-a-uuid", "%ZZ", "%E0%A4%A", enc("\u0000")] : [""];
      for (const value of values) {
        const pathname = route.replace(/\[[^\]]+\]/g, value);
        for (const query of HOSTILE_QUERIES) {
          for (const cookie of [undefined, adminCookie]) {
            const res = await fetch(`${app.url}${pathname}?${query}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
            await res.arrayBuffer();
            if (res.status >= 500) failures.push(`${res.status} ${cookie ? "admin" : "anonymous"} ${pathname}?${query}`);
          }
        }
      }
    }
    expect(failures, app.logs().slice(-3000)).toEqual([]);
    expect(await fingerprint()).toBe(before);
  }, 300_000);

  it("never sends a signed-in visitor of /sign-in off the site, and always sends a valid Location", async () => {
    for (const next of ["/%0A/x", "/%00", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", enc("/\u2603")]) {
      const res = await fetch(`${app.url}/sign-in?next=${next}`, { headers: { cookie: adminCookie }, redirect: "manual" });
      expect([next, res.status]).toEqual([next, 307]);
      const location = new URL(res.headers.get("location")!, app.url);
      expect(location.origin).toBe(new URL(app.url).origin);
    }
  });
});
