import { beforeEach, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { createEvent } from "./create-event";
import { draftEvent, eventInput, publishedEvent, userActor, resetEventsState } from "./event-fixtures";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";
import { publishEvent } from "./publish-event";
import { updateEvent } from "./update-event";

const owner = userActor("organizer");
const otherOrganizer = userActor("organizer");
const attendee = userActor("attendee");
const admin = userActor("admin");

beforeEach(resetEventsState);

describe("who may see an event", () => {
  it("hides a draft from everyone but its organizer and admins (null, never forbidden)", async () => {
    const draft = await draftEvent(owner);
    for (const actor of [anonymous, attendee, otherOrganizer]) {
      expect(await getEvent({ ctx: testCtx(actor), input: { id: draft.id } })).toBeNull();
    }
    expect(await getEvent({ ctx: testCtx(owner), input: { id: draft.id } })).toMatchObject({ id: draft.id, status: "draft" });
    expect(await getEvent({ ctx: testCtx(admin), input: { id: draft.id } })).toMatchObject({ id: draft.id, status: "draft" });
  });

  it("keeps a withdrawn draft private, and keeps a cancelled published event visible", async () => {
    const withdrawn = await draftEvent(owner);
    await cancelEvent({ ctx: testCtx(owner), input: { id: withdrawn.id } });
    const published = await publishedEvent(owner);
    await cancelEvent({ ctx: testCtx(owner), input: { id: published.id } });

    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: withdrawn.id } })).toBeNull();
    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: published.id } })).toMatchObject({ status: "cancelled" });
  });

  it("treats an id that is not a uuid as not found", async () => {
    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: "not-a-uuid" } })).toBeNull();
    await expect(updateEvent({ ctx: testCtx(owner), input: { id: "1; drop table", version: 1 } })).rejects.toMatchObject({ code: "EVENT_NOT_FOUND" });
  });

  it("lists only published events publicly, and an organizer's own events of every status for them", async () => {
    const draft = await draftEvent(owner, { title: "Private draft" });
    const published = await publishedEvent(owner, { title: "Public show" });
    const foreign = await draftEvent(otherOrganizer, { title: "Someone else's draft" });

    const publicIds = (await listEvents({ ctx: testCtx(anonymous), input: {} })).data.map((e) => e.id);
    expect(publicIds).toEqual([published.id]);
    const mine = (await listEvents({ ctx: testCtx(owner), input: { scope: "manage" } })).data.map((e) => e.id);
    expect(mine.sort()).toEqual([draft.id, published.id].sort());
    const all = (await listEvents({ ctx: testCtx(admin), input: { scope: "manage" } })).data.map((e) => e.id);
    expect(all.sort()).toEqual([draft.id, published.id, foreign.id].sort());
    await expect(listEvents({ ctx: testCtx(anonymous), input: { scope: "manage" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("who may change an event", () => {
  it("lets organizers and admins create events, not attendees or anonymous visitors", async () => {
    await expect(createEvent({ ctx: testCtx(attendee), input: eventInput() })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(createEvent({ ctx: testCtx(anonymous), input: eventInput() })).rejects.toMatchObject({ kind: "Unauthenticated" });
    expect(await createEvent({ ctx: testCtx(admin), input: eventInput() })).toMatchObject({ organizerId: admin.userId, status: "draft", version: 1 });
  });

  it("lets only an admin create an event on another organizer's behalf", async () => {
    await expect(createEvent({ ctx: testCtx(owner), input: { ...eventInput(), organizerId: otherOrganizer.userId } })).rejects.toMatchObject({
      kind: "Forbidden",
    });
    expect(await createEvent({ ctx: testCtx(admin), input: { ...eventInput(), organizerId: owner.userId } })).toMatchObject({ organizerId: owner.userId });
  });

  it("answers 404 for another organizer's draft and 403 for their published event, for every change", async () => {
    const draft = await draftEvent(owner);
    const published = await publishedEvent(owner);
    const ctx = testCtx(otherOrganizer);

    await expect(updateEvent({ ctx, input: { id: draft.id, version: 1, title: "Hijacked" } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(publishEvent({ ctx, input: { id: draft.id } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(cancelEvent({ ctx, input: { id: draft.id } })).rejects.toMatchObject({ kind: "NotFound" });

    await expect(updateEvent({ ctx, input: { id: published.id, version: published.version, title: "Hijacked" } })).rejects.toMatchObject({
      kind: "Forbidden",
    });
    await expect(cancelEvent({ ctx, input: { id: published.id } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(updateEvent({ ctx: testCtx(attendee), input: { id: published.id, version: published.version, title: "Hijacked" } })).rejects.toMatchObject({
      kind: "Forbidden",
    });
    await expect(updateEvent({ ctx: testCtx(anonymous), input: { id: published.id, version: published.version, title: "Hijacked" } })).rejects.toMatchObject({
      kind: "Unauthenticated",
    });
  });

  it("lets an admin edit, publish and cancel any organizer's event", async () => {
    const draft = await draftEvent(owner);
    const edited = await updateEvent({ ctx: testCtx(admin), input: { id: draft.id, version: 1, venue: "Main hall" } });
    const published = await publishEvent({ ctx: testCtx(admin), input: { id: draft.id } });
    const cancelled = await cancelEvent({ ctx: testCtx(admin), input: { id: draft.id } });
    expect([edited.version, published.status, cancelled.status]).toEqual([2, "published", "cancelled"]);
  });

  it("refuses an unverified organizer to create or publish (403 EMAIL_NOT_VERIFIED) and changes nothing", async () => {
    const unverified = userActor("organizer", { emailVerified: false });
    await expect(createEvent({ ctx: testCtx(unverified), input: eventInput() })).rejects.toMatchObject({ kind: "Forbidden", code: "EMAIL_NOT_VERIFIED" });
    // A draft made for them (by an admin) before verification still cannot go public.
    const draft = await createEvent({ ctx: testCtx(admin), input: { ...eventInput(), organizerId: unverified.userId } });
    await expect(publishEvent({ ctx: testCtx(unverified), input: { id: draft.id } })).rejects.toMatchObject({ kind: "Forbidden", code: "EMAIL_NOT_VERIFIED" });
    expect(await getEvent({ ctx: testCtx(admin), input: { id: draft.id } })).toMatchObject({ status: "draft", version: 1 });
    expect((await listEvents({ ctx: testCtx(admin), input: { scope: "manage" } })).data.map((e) => e.id)).toEqual([draft.id]);

    const verified = { ...unverified, emailVerified: true };
    expect(await publishEvent({ ctx: testCtx(verified), input: { id: draft.id } })).toMatchObject({ status: "published" });
  });

  it("tells an unverified attendee FORBIDDEN, not EMAIL_NOT_VERIFIED: verifying would not let them create events", async () => {
    await expect(createEvent({ ctx: testCtx(userActor("attendee", { emailVerified: false })), input: eventInput() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
