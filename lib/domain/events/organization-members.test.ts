import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { draftEvent, publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import { getLastEventDefaults } from "./get-last-event-defaults";
import { listEvents } from "./list-events";
import { publishEvent } from "./publish-event";
import { updateEvent } from "./update-event";

beforeEach(resetEventsState);

/** The policy reads only the actor's memberships, so no organization rows are needed. */
const member = (organizationId: string, role: MemberRole, userRole: "organizer" | "attendee" = "attendee"): UserActor =>
  userActor(userRole, { memberships: [{ organizationId, role }] });

const managedIds = async (actor: UserActor) => (await listEvents({ ctx: testCtx(actor), input: { scope: "manage" } })).data.map((e) => e.id).sort();

describe("an organization's events for its members", () => {
  const [orgA, orgB] = [randomUUID(), randomUUID()];
  const ownerA = member(orgA, "owner", "organizer");
  const managerA = member(orgA, "manager");
  const ownerB = member(orgB, "owner", "organizer");

  it("lists the manager's and the owner's events to every member of the organization, and none to another organization's", async () => {
    const ownersDraft = await draftEvent(ownerA, { title: "Owner's draft" });
    const managersShow = await publishedEvent(managerA, { title: "Manager's show" });
    const otherShow = await publishedEvent(ownerB, { title: "Other organization's show" });
    const both = [ownersDraft.id, managersShow.id].sort();
    for (const role of ["owner", "manager", "finance", "checkin"] as const) expect(await managedIds(member(orgA, role))).toEqual(both);
    expect(await managedIds(ownerB)).toEqual([otherShow.id]);
  });

  it("lets neither finance nor check-in staff edit, publish or cancel an organization's event", async () => {
    const draft = await draftEvent(managerA);
    const show = await publishedEvent(ownerA);
    for (const role of ["finance", "checkin"] as const) {
      const ctx = testCtx(member(orgA, role));
      await expect(updateEvent({ ctx, input: { id: show.id, version: show.version, title: "Renamed" } })).rejects.toMatchObject({ kind: "Forbidden" });
      await expect(cancelEvent({ ctx, input: { id: show.id } })).rejects.toMatchObject({ kind: "Forbidden" });
      // A draft stays private to those who may manage it: not even its existence shows.
      await expect(publishEvent({ ctx, input: { id: draft.id } })).rejects.toMatchObject({ kind: "NotFound" });
    }
    const renamed = await updateEvent({ ctx: testCtx(member(orgA, "manager")), input: { id: show.id, version: show.version, title: "Renamed" } });
    expect(renamed.title).toBe("Renamed");
  });

  it("starts a manager's new event form in the zone and currency of the organization's latest event, not another organization's", async () => {
    await draftEvent(ownerA, { timezone: "Europe/Lisbon", currency: "EUR" });
    await draftEvent(ownerB, { timezone: "Asia/Tokyo", currency: "JPY" });
    expect(await getLastEventDefaults({ ctx: testCtx(member(orgA, "manager")) })).toEqual({ timezone: "Europe/Lisbon", currency: "EUR" });
    expect(await getLastEventDefaults({ ctx: testCtx(member(randomUUID(), "owner", "organizer")) })).toEqual({ timezone: "UTC", currency: "USD" });
  });
});
