import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { accessToken, createVerifiedAccount, mailSubjects, signIn } from "./support/accounts";

const PASSWORD = "copper meadow lantern 93";

/** A published free one-seat event, made by a new organizer through the API (free: the journey is about the waitlist, not paying). */
async function oneSeatEvent(request: APIRequestContext, title: string): Promise<{ eventId: string; organizer: string }> {
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Ola Organizer", password: PASSWORD });
  const token = await accessToken(request, email, PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/events", {
    headers,
    data: { title, venue: "Harbour Hall, Porto", category: "music", startsAt: "2031-09-01T19:00:00Z", endsAt: "2031-09-01T22:00:00Z", capacity: 1, priceCents: 0, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers })).status()).toBe(200);
  return { eventId: id, organizer: email };
}

async function signedInPage(browser: Browser, email: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email, password: PASSWORD, next });
  return page;
}

test("the last seat: one books, the other waits, the first cancels and the second is booked automatically and emailed", async ({ browser, request }) => {
  const title = `Night Ferry Sessions ${randomUUID().slice(0, 6)}`;
  const { eventId, organizer } = await oneSeatEvent(request, title);
  const first = await createVerifiedAccount(request, { role: "attendee", name: "Ann Attendee", password: PASSWORD });
  const second = await createVerifiedAccount(request, { role: "attendee", name: "Ben Attendee", password: PASSWORD });

  const ann = await signedInPage(browser, first, `/events/${eventId}`);
  await expect(ann.getByTestId("seats-available")).toHaveText("1 seat available.");
  await ann.getByLabel("General admission").selectOption("1");
  await ann.getByRole("button", { name: /^Continue/ }).click();
  await expect(ann.getByTestId("order-status")).toHaveText("Confirmed");
  await ann.goto(`/events/${eventId}`);
  await expect(ann.getByTestId("my-seats")).toHaveText("You hold 1 seat for this event.");

  const ben = await signedInPage(browser, second, `/events/${eventId}`);
  await expect(ben.getByTestId("seats-available")).toHaveText("Sold out.");
  await ben.getByRole("button", { name: "Join waitlist" }).click();
  await expect(ben.getByTestId("waitlist-position")).toContainText("#1");
  await ben.goto("/waitlist");
  await expect(ben.getByTestId("waitlist-position")).toContainText("#1 in line for 1 seat");

  await ann.goto("/orders");
  await ann.getByTestId("order-card").filter({ hasText: title }).getByRole("link", { name: "Tickets and QR codes" }).click();
  await ann.getByRole("button", { name: "Cancel order" }).click();
  await ann.getByRole("button", { name: "Yes, cancel order" }).click();
  await expect(ann.getByTestId("order-ended")).toHaveText("You cancelled this order and its seats were released.");

  // No reload: the waitlist page polls and shows the promotion once the job has run.
  await expect(ben.getByTestId("waitlist-booked")).toBeVisible({ timeout: 30_000 });
  await ben.getByRole("link", { name: "See your order" }).click();
  await expect(ben.getByTestId("order-status")).toHaveText("Confirmed");
  await expect(ben.getByTestId("ticket-code")).toHaveCount(1);

  await expect
    .poll(() => mailSubjects(request, second), { timeout: 20_000, message: "the promotion email reaches the dev mailbox" })
    .toContain(`You're off the waitlist: tickets for ${title}`);

  // The organizer sees both bookings, the promotion in the audit trail and the served entry.
  const ola = await signedInPage(browser, organizer, `/dashboard/events/${eventId}/attendees`);
  const attendees = ola.getByTestId("attendees");
  await expect(attendees.getByRole("row", { name: /Ben Attendee/ })).toContainText("Confirmed");
  await expect(attendees.getByRole("row", { name: /Ann Attendee/ })).toContainText("Cancelled by the attendee");
  await expect(ola.getByTestId("audit-trail")).toContainText("Promoted from the waitlist");
  const csv = await (await ola.request.get(`/dashboard/events/${eventId}/attendees/export`)).text();
  expect(csv.split("\r\n")[0]).toBe("booking_id,status,attendee_name,attendee_email,seats,total_cents,currency,source,booked_at,cancelled_at,ticket_codes,booked_at_local,cancelled_at_local,time_zone");
  expect(csv).toContain(second);
  await ola.getByRole("link", { name: "Waitlist" }).click();
  await expect(ola.getByTestId("waitlist").getByRole("row", { name: /Ben Attendee/ })).toContainText("Booked");
});
