import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import type { Actor } from "@/lib/domain/context";
import { getEventOrThrow, getLastEventDefaults, getOnlineUrl } from "@/lib/domain/events";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createEventAction } from "./actions";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", () => ({ currentActor: async () => web.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function form(startsAt: number | string, endsAt: number | string, timezone = "UTC"): FormData {
  const data = new FormData();
  const fields = { title: "Late night", description: "", venue: "Hall", category: "music", capacity: "10", price: "5.00", currency: "EUR", perUserLimit: "2" };
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append("startsAt", typeof startsAt === "string" ? startsAt : local(startsAt));
  data.append("endsAt", typeof endsAt === "string" ? endsAt : local(endsAt));
  data.append("timezone", timezone);
  return data;
}

describe("the event form", () => {
  beforeEach(async () => {
    await resetDatabase();
    web.actor = (await createTestUser({ role: "organizer" })).actor;
  });

  it("refuses a new event that has already ended, on the end time field", async () => {
    const state = await createEventAction(null, form(Date.now() - 3 * 3_600_000, Date.now() - 3_600_000));
    expect(state).toMatchObject({ ok: false, fieldErrors: { endsAt: "Pick an end time in the future." } });
  });

  it("saves one that ends in the future and redirects to the list", async () => {
    const error = await createEventAction(null, form(Date.now() - 3_600_000, Date.now() + 3_600_000)).catch((e: unknown) => e);
    expect(String((error as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*\/dashboard\/events\?created=/);
  });

  it("reads the typed times in the event's zone on both sides of a DST change, and starts the next form in that zone", async () => {
    const created = async (startsAt: string, endsAt: string) => {
      const error = await createEventAction(null, form(startsAt, endsAt, "America/New_York")).catch((e: unknown) => e);
      const id = /created=([0-9a-f-]+)/.exec(String((error as { digest?: string }).digest))?.[1];
      return getEventOrThrow({ ctx: testCtx(web.actor), input: { id: id! } });
    };
    const winter = await created("2031-01-15T19:00", "2031-01-15T22:00");
    expect([winter.startsAt.toISOString(), winter.endsAt.toISOString(), winter.timezone]).toEqual(["2031-01-16T00:00:00.000Z", "2031-01-16T03:00:00.000Z", "America/New_York"]);
    const summer = await created("2031-07-15T19:00", "2031-07-15T22:00");
    expect(summer.startsAt.toISOString()).toBe("2031-07-15T23:00:00.000Z");
    expect(await getLastEventDefaults({ ctx: testCtx(web.actor) })).toEqual({ timezone: "America/New_York", currency: "EUR" });
  });

  it("starts an organizer's first event form in UTC and USD", async () => {
    expect(await getLastEventDefaults({ ctx: testCtx(web.actor) })).toEqual({ timezone: "UTC", currency: "USD" });
  });

  it("saves an online link and reports a link that is not https on its field", async () => {
    const plain = form("2031-01-15T19:00", "2031-01-15T22:00");
    plain.set("onlineUrl", "http://meet.example.com/x");
    expect(await createEventAction(null, plain)).toMatchObject({ ok: false, fieldErrors: { onlineUrl: "must be an https:// link, e.g. https://meet.example.com/abc" } });
    const online = form("2031-01-15T19:00", "2031-01-15T22:00");
    online.set("onlineUrl", "https://meet.example.com/x");
    const error = await createEventAction(null, online).catch((e: unknown) => e);
    const id = /created=([0-9a-f-]+)/.exec(String((error as { digest?: string }).digest))?.[1];
    expect(await getOnlineUrl({ ctx: testCtx(web.actor), input: { id: id! } })).toBe("https://meet.example.com/x");
  });

  it("reports an unknown time zone on its own field", async () => {
    const state = await createEventAction(null, form("2031-01-15T19:00", "2031-01-15T22:00", "Atlantis/Lost_City"));
    expect(state).toMatchObject({ ok: false, fieldErrors: { timezone: "must be an IANA time zone, e.g. Europe/Lisbon" } });
  });

  it("reports a title over 200 characters on its field instead of cutting it", async () => {
    const data = form("2031-01-15T19:00", "2031-01-15T22:00");
    data.set("title", "x".repeat(201));
    const state = await createEventAction(null, data);
    expect(state).toMatchObject({ ok: false, fieldErrors: { title: "must be at most 200 characters" }, values: { title: "x".repeat(201) } });
  });
});
