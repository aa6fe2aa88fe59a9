import { beforeEach, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { draftEvent, publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { listSitemapEvents } from "./list-sitemap-events";

const owner = userActor("organizer");

beforeEach(resetEventsState);

describe("listSitemapEvents", () => {
  it("lists published events only: never drafts, nor cancelled ones", async () => {
    const published = await publishedEvent(owner);
    await draftEvent(owner);
    const cancelled = await publishedEvent(owner);
    await cancelEvent({ ctx: testCtx(owner), input: { id: cancelled.id } });
    expect((await listSitemapEvents({ ctx: testCtx(anonymous) })).map((e) => e.id)).toEqual([published.id]);
  });
});
