import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { accessToken, createVerifiedAccount, mailSubjects, signIn } from "./support/accounts";

const PASSWORD = "copper meadow lantern 93";

test("a buyer downloads the PDF tickets, names an attendee and transfers a ticket, whose holder is mailed a new code", async ({ browser, request }) => {
  const organizer = await createVerifiedAccount(request, { role: "organizer", name: "Ola Organizer", password: PASSWORD });
  const orgHeaders = { authorization: `Bearer ${await accessToken(request, organizer, PASSWORD)}` };
  const created = await request.post("/api/v1/events", {
    headers: orgHeaders,
    data: {
      title: `Harbour Jazz ${randomUUID().slice(0, 6)}`,
      venue: "Harbour Hall, Porto",
      category: "music",
      startsAt: "2031-09-01T19:00:00Z",
      endsAt: "2031-09-01T22:00:00Z",
      timezone: "Europe/Lisbon",
      capacity: 50,
      priceCents: 0,
      currency: "EUR",
      transfersAllowed: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; transfersAllowed: boolean; ticketTypes: { id: string }[] };
  expect(event.transfersAllowed).toBe(true);
  expect((await request.post(`/api/v1/events/${event.id}/publish`, { headers: orgHeaders })).status()).toBe(200);

  const buyer = await createVerifiedAccount(request, { role: "attendee", name: "Ann Attendee", password: PASSWORD });
  const placed = await request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${await accessToken(request, buyer, PASSWORD)}`, "Idempotency-Key": randomUUID() },
    data: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }] },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const order = (await placed.json()) as { id: string; status: string };
  expect(order.status).toBe("confirmed");

  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, { email: buyer, password: PASSWORD, next: `/orders/${order.id}` });
  await expect(page.getByTestId("ticket")).toHaveCount(2);

  // The PDF: one file, served as a PDF, with a page per ticket.
  const download = page.waitForEvent("download");
  await page.getByTestId("tickets-pdf").click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^tickets-[0-9A-F]{8}\.pdf$/);
  const bytes = await (await import("node:fs/promises")).readFile((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);

  // The calendar: Google and Outlook links with UTC times, and the order's own .ics.
  await expect(page.getByRole("link", { name: "Google" })).toHaveAttribute("href", /dates=20310901T190000Z%2F20310901T220000Z/);
  const ics = await page.request.get(`/orders/${order.id}/calendar.ics`);
  expect(await ics.text()).toContain(`UID:booking-${order.id}@evently`);

  // Name the first ticket's attendee.
  const first = page.getByTestId("ticket").first();
  await first.getByLabel(/Attendee name/).fill("Ben Ortiz");
  await first.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("attendee-name").first()).toHaveText("For Ben Ortiz");

  // Transfer the second ticket: its code disappears from the page and goes to the new holder.
  const second = page.getByTestId("ticket").nth(1);
  const oldCode = (await second.getByTestId("ticket-code").textContent())!.trim();
  await second.getByText("Transfer this ticket").click();
  const friend = `friend-${randomUUID().slice(0, 8)}@example.com`;
  await second.getByLabel(/New holder's email/).fill(friend);
  await second.getByRole("button", { name: "Transfer ticket" }).click();
  await expect(page.getByTestId("ticket-transferred")).toContainText(friend);
  await expect(page.getByText(oldCode)).toHaveCount(0);
  await expect.poll(() => mailSubjects(request, friend), { timeout: 30_000 }).toContainEqual(expect.stringContaining("Ann Attendee sent you a ticket"));
});
