import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { testImage } from "@/lib/domain/media/image-fixtures";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { draftEvent, publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { getEventOrThrow } from "./get-event";
import { removeEventCover } from "./remove-event-cover";
import { setEventCover } from "./set-event-cover";

const owner = userActor("organizer");
let small: Buffer;

beforeEach(async () => {
  await resetEventsState();
  small ??= await testImage({ width: 600, height: 300 });
});

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

async function storedImageIds(): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(sql`select id from media.images order by id`);
  return rows.map((r) => r.id);
}

async function storedFileImageIds(): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(sql`select distinct split_part(key, '/', 1) as id from media.image_files order by 1`);
  return rows.map((r) => r.id);
}

describe("setEventCover", () => {
  it("attaches the cover, which every later read (cached or not) shows as picture sources, without a new version", async () => {
    const event = await publishedEvent(owner);
    await getEventOrThrow({ ctx: testCtx(), input: { id: event.id } }); // fills the cache
    const updated = await setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } });

    expect(updated.coverImage).toMatchObject({ width: 600, height: 300, url: expect.stringMatching(/^\/api\/v1\/media\/[0-9a-f-]{36}\/480\.jpeg$/) });
    expect(updated.version).toBe(event.version);
    const read = await getEventOrThrow({ ctx: testCtx(), input: { id: event.id } });
    expect(read.coverImage).toEqual(updated.coverImage);
  });

  it("replacing a cover deletes the former image and its files", async () => {
    const event = await draftEvent(owner);
    const first = await setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } });
    const second = await setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } });

    expect(second.coverImage!.id).not.toBe(first.coverImage!.id);
    expect(await storedImageIds()).toEqual([second.coverImage!.id]);
    expect(await storedFileImageIds()).toEqual([second.coverImage!.id]);
  });

  it("of two concurrent uploads one ends up the cover and the other image is deleted: nothing is left unreferenced", async () => {
    const event = await draftEvent(owner);
    const results = await Promise.all([1, 2].map(() => setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } })));

    const final = await getEventOrThrow({ ctx: testCtx(owner), input: { id: event.id } });
    expect(results.map((r) => r.coverImage!.id)).toContain(final.coverImage!.id);
    expect(await storedImageIds()).toEqual([final.coverImage!.id]);
    expect(await storedFileImageIds()).toEqual([final.coverImage!.id]);
  });

  it("refuses another organizer (403 on a public event, 404 on a draft) before storing anything", async () => {
    const stranger = userActor("organizer");
    const published = await publishedEvent(owner);
    const draft = await draftEvent(owner);
    expect(await outcome(setEventCover({ ctx: testCtx(stranger), input: { id: published.id, bytes: small } }))).toBe("FORBIDDEN");
    expect(await outcome(setEventCover({ ctx: testCtx(stranger), input: { id: draft.id, bytes: small } }))).toBe("EVENT_NOT_FOUND");
    expect(await storedImageIds()).toEqual([]);
  });

  it("lets an admin set the cover of anyone's event", async () => {
    const event = await draftEvent(owner);
    const updated = await setEventCover({ ctx: testCtx(userActor("admin")), input: { id: event.id, bytes: small } });
    expect(updated.coverImage).not.toBeNull();
  });

  it("refuses a cancelled event with INVALID_STATE", async () => {
    const event = await publishedEvent(owner);
    await cancelEvent({ ctx: testCtx(owner), input: { id: event.id } });
    expect(await outcome(setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } }))).toBe("INVALID_STATE");
    expect(await storedImageIds()).toEqual([]);
  });

  it("answers EVENT_NOT_FOUND for an id that names no event", async () => {
    expect(await outcome(setEventCover({ ctx: testCtx(owner), input: { id: "00000000-0000-4000-8000-000000000000", bytes: small } }))).toBe("EVENT_NOT_FOUND");
  });
});

describe("removeEventCover", () => {
  it("detaches the cover and deletes its image; removing again changes nothing", async () => {
    const event = await publishedEvent(owner);
    await setEventCover({ ctx: testCtx(owner), input: { id: event.id, bytes: small } });
    const removed = await removeEventCover({ ctx: testCtx(owner), input: { id: event.id } });

    expect(removed.coverImage).toBeNull();
    expect((await getEventOrThrow({ ctx: testCtx(), input: { id: event.id } })).coverImage).toBeNull();
    expect(await storedImageIds()).toEqual([]);
    expect(await storedFileImageIds()).toEqual([]);
    expect((await removeEventCover({ ctx: testCtx(owner), input: { id: event.id } })).coverImage).toBeNull();
  });
});
