import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { anonymous } from "@/lib/domain/context";
import { getEvent, updateEvent } from "@/lib/domain/events";
import { publishedEvent, resetEventsState, userActor } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { testCtx } from "@/tests/harness/db";
import { invalidateEventCache } from "./invalidate-event-cache";

const owner = userActor("organizer");

beforeEach(resetEventsState);

describe("invalidate-event-cache", () => {
  it("refreshes a cached event that changed inside a caller's transaction, once the outbox fact runs", async () => {
    const event = await publishedEvent(owner, { title: "Before" });
    await drainJobs({ db: getDb(), functions: [invalidateEventCache] });
    const read = () => getEvent({ ctx: testCtx(anonymous), input: { id: event.id } });
    expect((await read())?.title).toBe("Before");

    // Joined into an outer transaction, the use case cannot invalidate right after its own commit.
    await getDb().transaction((tx) => updateEvent({ ctx: testCtx(owner, { db: tx }), input: { id: event.id, version: event.version, title: "After" } }));
    expect((await read())?.title).toBe("Before");

    const runs = await drainJobs({ db: getDb(), functions: [invalidateEventCache] });
    expect(runs.completed).toBe(1);
    expect((await read())?.title).toBe("After");
  });
});
