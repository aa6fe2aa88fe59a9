import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import type { Actor } from "@/lib/domain/context";
import { resetDatabase } from "@/tests/harness/db";
import { createEventAction } from "./actions";

const web = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/lib/web/current-actor", () => ({ currentActor: async () => web.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function form(startsAt: number, endsAt: number): FormData {
  const data = new FormData();
  const fields = { title: "Late night", description: "", venue: "Hall", category: "music", capacity: "10", price: "5.00", currency: "EUR", perUserLimit: "2" };
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append("startsAt", local(startsAt));
  data.append("endsAt", local(endsAt));
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
});
