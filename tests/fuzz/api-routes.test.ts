import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { allContracts } from "@/app/api/v1/_contracts";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { sessionExpiry } from "@/lib/domain/auth/session-lifetime";
import { openSession } from "@/lib/domain/auth/sessions";
import { createTokenPair } from "@/lib/domain/auth/token-pair";
import { bookSeats } from "@/lib/domain/bookings";
import type { UserActor } from "@/lib/domain/context";
import { createEvent, publishEvent } from "@/lib/domain/events";
import type { RouteContract } from "@/lib/http/contract";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { BOUND_DATES, controlCharacterObject, FORGED_CURSORS, fingerprint, hostileBody, hostileContentType, hostileHeaderValue, hostileShape, hostileString } from "./hostile-input";

/**
 * Every /api/v1 route (enumerated from the contracts the OpenAPI document is built from) gets
 * malformed and hostile requests: wrong types, huge and unicode strings, overflowing numbers,
 * broken JSON, wrong content types, injection strings, random and real ids, from anonymous,
 * unverified, attendee, organizer and admin callers. Whatever arrives, no answer is a 5xx, every
 * refusal is problem+json, and a refused request leaves every row as it was.
 */

vi.hoisted(() => {
  // Deeper paths are reached when a limiter does not cut the run short after a few requests.
  process.env.RATE_LIMITS = "off";
});

const RUNS_PER_ROUTE = 50;
const ROOT = path.resolve(import.meta.dirname, "../..");

type Caller = "anonymous" | "unverified" | "attendee" | "organizer" | "admin" | "garbage";
type Fixture = { realIds: string[]; users: Record<Exclude<Caller, "anonymous" | "garbage">, UserActor> };

let fixture: Fixture;

async function accessToken(actor: UserActor): Promise<string> {
  const now = new Date();
  const session = await openSession(getDb(), { userId: actor.userId, kind: "api", client: { ip: "", userAgent: "fuzz" }, now });
  const pair = await createTokenPair(getDb(), { userId: actor.userId, role: actor.role, sessionId: session.id, sessionExpiresAt: sessionExpiry(now), now });
  return pair.accessToken;
}

beforeAll(async () => {
  await resetDatabase();
  const [admin, organizer, attendee, unverified] = await Promise.all([
    createTestUser({ role: "admin" }),
    createTestUser({ role: "organizer" }),
    createTestUser(),
    createTestUser({ verified: false }),
  ]);
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
  const draft = { title: "Fuzz night", venue: "Hall", startsAt, endsAt, capacity: 5, priceCents: 1000, currency: "EUR" };
  const published = await createEvent({ ctx: testCtx(organizer.actor), input: draft });
  await publishEvent({ ctx: testCtx(organizer.actor), input: { id: published.id } });
  const unpublished = await createEvent({ ctx: testCtx(organizer.actor), input: draft });
  const { booking } = await bookSeats({ ctx: testCtx(attendee.actor), input: { eventId: published.id, quantity: 1, idempotencyKey: "fuzz-seed" } });
  fixture = {
    realIds: [published.id, unpublished.id, booking.id, attendee.id, organizer.id, admin.id],
    users: { admin: admin.actor, organizer: organizer.actor, attendee: attendee.actor, unverified: unverified.actor },
  };
}, 60_000);

const routes = allContracts.filter((c) => c.path.startsWith("/api/v1/") && c.path !== "/api/v1/openapi.json");

function routeFile(contract: RouteContract): string {
  return path.join(ROOT, "app", contract.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

const fieldsOf = (schema: unknown): string[] => Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
const paramNames = (contract: RouteContract) => [...contract.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function requestArbitrary(contract: RouteContract, realIds: string[]) {
  const ids = hostileString(realIds);
  return fc.record({
    caller: fc.constantFrom<Caller>("anonymous", "unverified", "attendee", "organizer", "admin", "admin", "garbage"),
    params: fc.tuple(...paramNames(contract).map(() => ids)),
    query: fc.array(fc.tuple(fc.constantFrom(...fieldsOf(contract.query), "limit", "cursor", "x"), hostileString(realIds)), { maxLength: 4 }),
    body: contract.method === "GET" ? fc.constant(undefined) : hostileBody(fieldsOf(contract.body), realIds),
    contentType: hostileContentType,
    idempotencyKey: fc.option(hostileHeaderValue, { nil: undefined }),
    requestId: fc.option(hostileHeaderValue, { nil: undefined }),
  });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(routes.map((c) => [`${c.method} ${c.path}`, c] as const))("fuzzing %s", (_name, contract) => {
  it(`never answers 5xx and a refusal changes no row (${RUNS_PER_ROUTE} hostile requests)`, async () => {
    const handler = ((await import(routeFile(contract))) as Record<string, Handler>)[contract.method];
    expect(handler, `${routeFile(contract)} exports ${contract.method}`).toBeTypeOf("function");
    const tokens = Object.fromEntries(
      await Promise.all(Object.entries(fixture.users).map(async ([who, actor]) => [who, await accessToken(actor)] as const)),
    ) as Record<string, string>;
    const names = paramNames(contract);

    await fc.assert(
      fc.asyncProperty(requestArbitrary(contract, fixture.realIds), async (r) => {
        let pathname = contract.path;
        names.forEach((name, i) => (pathname = pathname.replace(`{${name}}`, encodeURIComponent(r.params[i]!))));
        const url = new URL(`http://localhost${pathname}`);
        for (const [key, value] of r.query) url.searchParams.append(key, value);
        const headers = new Headers();
        if (r.caller === "garbage") headers.set("authorization", "Bearer not.a.token");
        else if (r.caller !== "anonymous") headers.set("authorization", `Bearer ${tokens[r.caller]}`);
        if (r.body !== undefined && r.contentType) headers.set("content-type", r.contentType);
        if (r.idempotencyKey !== undefined) headers.set("idempotency-key", r.idempotencyKey);
        if (r.requestId !== undefined) headers.set("x-request-id", r.requestId);

        const before = await fingerprint();
        const res = await handler!(new Request(url, { method: contract.method, headers, body: r.body }), {
          params: Promise.resolve(Object.fromEntries(names.map((name, i) => [name, r.params[i]!]))),
        });
        const text = await res.text();

        expect(res.status, text).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          expect((JSON.parse(text) as { code?: unknown }).code).toEqual(expect.any(String));
          expect(await fingerprint(), `a refused request (${res.status} ${text.slice(0, 200)}) changed rows`).toBe(before);
        }
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  }, 180_000);

  it("answers every hostile shape, control character, bound date and forged cursor with a 4xx or success, never 5xx", async () => {
    const handler = ((await import(routeFile(contract))) as Record<string, Handler>)[contract.method];
    const admin = await accessToken(fixture.users.admin);
    const names = paramNames(contract);
    const params = Object.fromEntries(names.map((name) => [name, fixture.realIds[0]!]));
    const pathname = names.reduce((p, name) => p.replace(`{${name}}`, params[name]!), contract.path);
    const fields = fieldsOf(contract.body);
    const bodies =
      contract.method === "GET"
        ? [undefined]
        : [
            ...fc.sample(hostileShape(fields), 5),
            ...fc.sample(controlCharacterObject(fields), 3),
            ...BOUND_DATES.map((date) => JSON.stringify(Object.fromEntries(fields.map((name) => [name, date])))),
          ];
    const queries = [
      "",
      ...FORGED_CURSORS.map((c) => `cursor=${c}`),
      ...BOUND_DATES.map((d) => `from=${encodeURIComponent(d)}&to=${encodeURIComponent(d)}`),
      ...fieldsOf(contract.query).map((name) => `${name}=a%0Ab%09c%7F&${name}=x`),
    ];
    const before = await fingerprint();
    for (const body of bodies) {
      for (const query of contract.method === "GET" ? queries : [""]) {
        const res = await handler!(
          new Request(`http://localhost${pathname}?${query}`, { method: contract.method, headers: { authorization: `Bearer ${admin}`, "idempotency-key": `k-${Math.random()}` }, body }),
          { params: Promise.resolve(params) },
        );
        const text = await res.text();
        expect(res.status, `${query} ${body?.slice(0, 80)} → ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
    }
    // Some of these are valid (a control character in a title, a date inside the range): only refusals must leave rows alone.
    if (contract.method === "GET") expect(await fingerprint()).toBe(before);
  }, 120_000);
});
