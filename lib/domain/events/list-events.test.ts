import { beforeEach, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { listEvents, type ListEventsInput } from "./list-events";

const owner = userActor("organizer");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const base = Date.UTC(2031, 4, 10, 18); // 2031-05-10T18:00Z, far enough ahead to stay "upcoming"

function at(offsetMs: number, hours = 2) {
  return { startsAt: new Date(base + offsetMs).toISOString(), endsAt: new Date(base + offsetMs + hours * HOUR).toISOString() };
}

const titles = async (input: ListEventsInput) => (await listEvents({ ctx: testCtx(anonymous), input })).data.map((e) => e.title);

beforeEach(resetEventsState);

describe("listEvents search and filters", () => {
  beforeEach(async () => {
    await publishedEvent(owner, { title: "Jazz Night", venue: "Blue Room", description: "Trio sets", category: "music", ...at(2 * DAY) });
    await publishedEvent(owner, { title: "Rust Meetup", venue: "Tech Hub", description: "Talks about concurrency", category: "tech", ...at(0) });
    await publishedEvent(owner, { title: "Street Food Market", venue: "Harbour Square", description: "Jazz band plays live", category: "food", ...at(DAY) });
    await publishedEvent(owner, { title: "Concerts in the Park", venue: "City Park", description: "", category: "music", ...at(3 * DAY) });
  });

  it("orders by start time, soonest first", async () => {
    expect(await titles({})).toEqual(["Rust Meetup", "Street Food Market", "Jazz Night", "Concerts in the Park"]);
  });

  it("matches title, venue and description words, stemmed and as prefixes", async () => {
    expect(await titles({ q: "jazz" })).toEqual(["Street Food Market", "Jazz Night"]);
    expect(await titles({ q: "concert" })).toEqual(["Concerts in the Park"]);
    expect(await titles({ q: "concur" })).toEqual(["Rust Meetup"]);
    expect(await titles({ q: "harb" })).toEqual(["Street Food Market"]);
    expect(await titles({ q: "TECH hub" })).toEqual(["Rust Meetup"]);
  });

  it("folds accents on both sides: cafe finds Café and São finds Sao", async () => {
    await publishedEvent(owner, { title: "Café Concerto", venue: "Rua São Bento", description: "Fado à noite", category: "music", ...at(4 * DAY) });
    await publishedEvent(owner, { title: "Sao Tome Night", venue: "Harbour", description: "", category: "music", ...at(5 * DAY) });
    expect(await titles({ q: "cafe" })).toEqual(["Café Concerto"]);
    expect(await titles({ q: "CAFÉ" })).toEqual(["Café Concerto"]);
    expect(await titles({ q: "sao" })).toEqual(["Café Concerto", "Sao Tome Night"]);
    expect(await titles({ q: "são tomé" })).toEqual(["Sao Tome Night"]);
    expect(await titles({ q: "a noite" })).toEqual(["Café Concerto"]);
  });

  it("understands web-search syntax: quoted phrases and exclusions", async () => {
    expect(await titles({ q: '"food market"' })).toEqual(["Street Food Market"]);
    expect(await titles({ q: "jazz -market" })).toEqual(["Jazz Night"]);
  });

  it("survives queries made only of stop words or punctuation", async () => {
    expect(await titles({ q: "the" })).toEqual([]);
    expect(await titles({ q: "'):*&|!<->" })).toEqual([]);
  });

  it("filters by category (case-insensitive) and by date range, a date meaning the whole UTC day", async () => {
    expect(await titles({ category: "Music" })).toEqual(["Jazz Night", "Concerts in the Park"]);
    expect(await titles({ from: "2031-05-11", to: "2031-05-12" })).toEqual(["Street Food Market", "Jazz Night"]);
    expect(await titles({ to: "2031-05-10T18:00:00Z" })).toEqual(["Rust Meetup"]);
    expect(await titles({ category: "music", q: "park", from: "2031-05-13" })).toEqual(["Concerts in the Park"]);
  });

  it("refuses a range that ends before it starts, with the field path", async () => {
    await expect(listEvents({ ctx: testCtx(anonymous), input: { from: "2031-05-12", to: "2031-05-11" } })).rejects.toMatchObject({
      code: "INVALID_RANGE",
      fieldErrors: [{ path: "to", message: "must not be before from" }],
    });
  });
});

describe("listEvents defaults and pagination", () => {
  it("shows events still running and hides those already over", async () => {
    const now = Date.now();
    await publishedEvent(owner, { title: "Finished", startsAt: new Date(now - 5 * HOUR).toISOString(), endsAt: new Date(now - HOUR).toISOString() });
    await publishedEvent(owner, { title: "Running festival", startsAt: new Date(now - 3 * DAY).toISOString(), endsAt: new Date(now + DAY).toISOString() });
    await publishedEvent(owner, { title: "Tonight", startsAt: new Date(now + 5 * HOUR).toISOString(), endsAt: new Date(now + 8 * HOUR).toISOString() });

    expect(await titles({})).toEqual(["Running festival", "Tonight"]);
  });

  it("walks every event exactly once with the cursor, also across equal start times", async () => {
    for (let n = 0; n < 7; n++) await publishedEvent(owner, { title: `Session ${n}`, ...at(n < 4 ? 0 : n * HOUR) });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listEvents({ ctx: testCtx(anonymous), input: { limit: 3, cursor } });
      seen.push(...page.data.map((e) => e.title));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(4)).toEqual(["Session 4", "Session 5", "Session 6"]);
  });

  it("answers a cursor it never handed out with INVALID_CURSOR on the cursor field", async () => {
    await expect(listEvents({ ctx: testCtx(anonymous), input: { cursor: "garbage" } })).rejects.toMatchObject({
      code: "INVALID_CURSOR",
      fieldErrors: [{ path: "cursor", message: expect.any(String) }],
    });
  });

  it("takes limits from 1 to 100 only", async () => {
    await expect(listEvents({ ctx: testCtx(anonymous), input: { limit: 0 } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["limit"] })] });
    await expect(listEvents({ ctx: testCtx(anonymous), input: { limit: 101 } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["limit"] })] });
  });
});
