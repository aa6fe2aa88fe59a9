import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { anonymous, type Actor } from "@/lib/domain/context";
import { createEvent, publishEvent } from "@/lib/domain/events";
import type { ActionState } from "@/lib/web/action";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { fingerprint, hostileString } from "./hostile-input";

/**
 * Every server action built with `action()` gets hostile form submissions (the same nasty
 * strings as the API fuzzing, as form fields, from every kind of caller): it answers with form
 * errors or succeeds, never with the "something went wrong" of an unexpected failure, and a
 * refused submission changes no row. Next's request scope is replaced by small stand-ins.
 */

const web = vi.hoisted(() => {
  process.env.RATE_LIMITS = "off";
  return { actor: { type: "anonymous" } as Actor };
});

vi.mock("@/lib/web/current-actor", () => ({
  currentActor: async () => web.actor,
  currentSession: async () => null,
  currentCtx: async () => {
    throw new Error("not used by action() modules");
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Verifying by code signs in through Auth.js, which needs a real request: a hostile code never
// matches one that was mailed, so its provider's answer is the refusal (the e2e journeys drive
// the real one). The form's parsing and the mapping of that refusal are what is fuzzed here.
const auth = vi.hoisted(() => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next-auth", () => ({ CredentialsSignin: auth.CredentialsSignin, AuthError: Error }));
vi.mock("@/lib/web/auth", () => ({
  signIn: async () => {
    throw new auth.CredentialsSignin();
  },
  SignInRateLimited: class SignInRateLimited extends auth.CredentialsSignin {},
}));

const RUNS_PER_ACTION = 80;
const ROOT = path.resolve(import.meta.dirname, "../..");
/** These two go through Auth.js's own signIn/signOut, which need a real request: the e2e journeys drive them. */
const NEEDS_A_REAL_REQUEST = new Set(["app/(account)/sign-in/actions.ts", "app/(account)/account/actions.ts"]);
const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

function actionModules(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return actionModules(full);
    return entry === "actions.ts" && !NEEDS_A_REAL_REQUEST.has(path.relative(ROOT, full)) ? [full] : [];
  });
}

type FormAction = (prev: ActionState | null, form: FormData) => Promise<ActionState>;

const actions: [string, FormAction][] = [];
let callers: Actor[] = [];
let realIds: string[] = [];

beforeAll(async () => {
  for (const file of actionModules()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function") actions.push([`${path.relative(ROOT, file)} ${name}`, fn as FormAction]);
    }
  }
  await resetDatabase();
  const [admin, organizer, attendee, unverified] = await Promise.all([
    createTestUser({ role: "admin" }),
    createTestUser({ role: "organizer" }),
    createTestUser(),
    createTestUser({ verified: false }),
  ]);
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
  const event = await createEvent({
    ctx: testCtx(organizer.actor),
    input: { title: "Fuzz night", venue: "Hall", startsAt, endsAt, capacity: 5, priceCents: 1000, currency: "EUR" },
  });
  await publishEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
  const { booking } = await bookSeats({ ctx: testCtx(attendee.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: "fuzz" } });
  callers = [anonymous, admin.actor, organizer.actor, attendee.actor, unverified.actor];
  realIds = [event.id, booking.id, attendee.id, organizer.id];
}, 60_000);

/**
 * A plausible value for every field name the app's forms use: each submission starts from these
 * (so it gets past "required" into the use case) and then drops or poisons a few fields.
 */
function plausibleForm(ids: string[]): Record<string, string> {
  // Forms post datetime-local values (no zone), as the browser sends them.
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  return {
    eventId: ids[0]!, bookingId: ids[1]!, entryId: ids[1]!, runId: ids[1]!, userId: ids[2]!, id: ids[0]!,
    quantity: "1", priority: "5", idempotencyKey: "fuzz-key", role: "organizer", email: "fuzz@example.test",
    password: "correct horse battery staple", name: "Fuzz", code: "123456", title: "Fuzz title", description: "About",
    venue: "Hall", category: "music", startsAt: local(startsAt), endsAt: local(new Date(startsAt.getTime() + 3_600_000)),
    capacity: "10", price: "10.00", priceCents: "1000", currency: "EUR", perUserLimit: "2", version: "1", next: "/",
  };
}

function hostileForm(ids: string[]) {
  const base = plausibleForm(ids);
  const names = Object.keys(base);
  return fc
    .record({
      dropped: fc.subarray(names, { maxLength: 3 }),
      poisoned: fc.array(fc.tuple(fc.constantFrom(...names, "extra"), hostileString(ids)), { minLength: 1, maxLength: 3 }),
    })
    .map(({ dropped, poisoned }) => {
      const fields = new Map(Object.entries(base).filter(([name]) => !dropped.includes(name)));
      for (const [name, value] of poisoned) fields.set(name, value);
      return [...fields];
    });
}

describe("server actions under hostile form submissions", () => {
  it("found the action modules", () => {
    expect(actions.length).toBeGreaterThan(5);
  });

  it(`never fail unexpectedly and a refusal changes no row (${RUNS_PER_ACTION} submissions each)`, async () => {
    for (const [name, run] of actions) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callers),
          hostileForm(realIds),
          async (actor, fields) => {
            web.actor = actor;
            const form = new FormData();
            for (const [key, value] of fields) form.append(key, value);
            const before = await fingerprint();
            let state: ActionState | undefined;
            try {
              state = await run(null, form);
            } catch (error) {
              // redirect() and notFound() are how an action ends successfully or on a missing page.
              expect(String((error as { digest?: unknown }).digest ?? error), name).toMatch(/^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/);
              return;
            }
            expect(state.ok === false ? state.formError : undefined, `${name} failed unexpectedly`).not.toBe(GENERIC_FAILURE);
            if (!state.ok) expect(await fingerprint(), `${name} refused the form but changed rows`).toBe(before);
          },
        ),
        { numRuns: RUNS_PER_ACTION },
      );
    }
  }, 600_000);
});
