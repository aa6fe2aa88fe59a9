import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

const PASSWORD = "copper meadow lantern 93";

async function mailSubjects(request: APIRequestContext, email: string): Promise<string[]> {
  const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  if (!res.ok()) return [];
  const { data } = (await res.json()) as { data: { subject: string }[] };
  return data.map((m) => m.subject);
}

/** A fresh verified account made through the public API, its code read from the dev mailbox. */
async function createAccount(request: APIRequestContext, role: "attendee" | "organizer", name: string): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  expect((await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD, name, role } })).status()).toBe(202);
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        code = (await mailSubjects(request, email)).map((s) => /^(\d{6}) is your Evently verification code/.exec(s)?.[1]).find(Boolean);
        return code;
      },
      { timeout: 20_000, message: "the verification code reaches the dev mailbox" },
    )
    .toMatch(/^\d{6}$/);
  expect((await request.post("/api/v1/auth/verify", { data: { email, code } })).status()).toBe(200);
  return email;
}

/** A published one-seat event, made by a new organizer through the API. */
async function oneSeatEvent(request: APIRequestContext, title: string): Promise<{ eventId: string; organizer: string }> {
  const email = await createAccount(request, "organizer", "Ola Organizer");
  const token = ((await (await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } })).json()) as { accessToken: string }).accessToken;
  const headers = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/events", {
    headers,
    data: { title, venue: "Harbour Hall, Porto", category: "music", startsAt: "2031-09-01T19:00:00Z", endsAt: "2031-09-01T22:00:00Z", capacity: 1, priceCents: 1200, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers })).status()).toBe(200);
  return { eventId: id, organizer: email };
}

async function signedInPage(browser: Browser, email: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
  return page;
}

test("the last seat: one books, the other waits, the first cancels and the second is booked automatically and emailed", async ({ browser, request }) => {
  const title = `Night Ferry Sessions ${randomUUID().slice(0, 6)}`;
  const { eventId, organizer } = await oneSeatEvent(request, title);
  const first = await createAccount(request, "attendee", "Ann Attendee");
  const second = await createAccount(request, "attendee", "Ben Attendee");

  const ann = await signedInPage(browser, first, `/events/${eventId}`);
  await expect(ann.getByTestId("seats-available")).toHaveText("1 seat available.");
  await ann.getByLabel("Seats").selectOption("1");
  await ann.getByRole("button", { name: /^Book/ }).click();
  await expect(ann.getByTestId("my-seats")).toHaveText("You hold 1 seat for this event.");

  const ben = await signedInPage(browser, second, `/events/${eventId}`);
  await expect(ben.getByTestId("seats-available")).toHaveText("Sold out.");
  await ben.getByRole("button", { name: "Join waitlist" }).click();
  await expect(ben.getByTestId("waitlist-position")).toContainText("#1");
  await ben.goto("/waitlist");
  await expect(ben.getByTestId("waitlist-position")).toContainText("#1 in line for 1 seat");

  await ann.goto("/bookings");
  const booking = ann.getByTestId("booking").filter({ hasText: title });
  await booking.getByRole("button", { name: "Cancel booking" }).click();
  await booking.getByRole("button", { name: "Yes, cancel booking" }).click();
  await expect(booking.getByTestId("booking-status")).toHaveText("Cancelled");

  // No reload: the waitlist page polls and shows the promotion once the job has run.
  await expect(ben.getByTestId("waitlist-booked")).toBeVisible({ timeout: 30_000 });
  await ben.getByRole("link", { name: "See your tickets" }).click();
  await expect(ben.getByTestId("booking-status")).toHaveText("Confirmed");
  await expect(ben.getByTestId("ticket-code")).toHaveCount(1);

  await expect
    .poll(() => mailSubjects(request, second), { timeout: 20_000, message: "the promotion email reaches the dev mailbox" })
    .toContain(`You're off the waitlist: tickets for ${title}`);

  // The organizer sees both bookings, the promotion in the audit trail and the served entry.
  const ola = await signedInPage(browser, organizer, `/dashboard/events/${eventId}/attendees`);
  const attendees = ola.getByTestId("attendees");
  await expect(attendees.getByRole("row", { name: /Ben Attendee/ })).toContainText("Confirmed");
  await expect(attendees.getByRole("row", { name: /Ann Attendee/ })).toContainText("Cancelled (holder)");
  await expect(ola.getByTestId("audit-trail")).toContainText("Promoted from waitlist");
  const csv = await (await ola.request.get(`/dashboard/events/${eventId}/attendees/export`)).text();
  expect(csv.split("\r\n")[0]).toBe("booking_id,status,attendee_name,attendee_email,seats,total_cents,currency,source,booked_at,cancelled_at,ticket_codes");
  expect(csv).toContain(second);
  await ola.getByRole("link", { name: "Waitlist" }).click();
  await expect(ola.getByTestId("waitlist").getByRole("row", { name: /Ben Attendee/ })).toContainText("Booked");
});
