import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createVerifiedAccount, mailSubjects, signIn } from "./support/accounts";
import { eventOfNewOrganizer, payWithCard, publish } from "./support/paid-events";

const PASSWORD = "copper meadow lantern 93";

type TicketTypeInput = { name: string; priceCents: number; description?: string; capacity?: number; hidden?: boolean; perOrderMax?: number };

/** A published event with its own ticket types (and a promo code), made by a new organizer through the API. */
async function eventWithTypes(
  request: APIRequestContext,
  { title, capacity, holdMinutes, ticketTypes, promo }: { title: string; capacity: number; holdMinutes?: number; ticketTypes: TicketTypeInput[]; promo?: { code: string; percentOff: number; types?: string[] } },
): Promise<{ eventId: string; types: { id: string; name: string }[] }> {
  const { eventId, headers } = await eventOfNewOrganizer(request, PASSWORD, {
    title,
    capacity,
    priceCents: ticketTypes[0]!.priceCents,
    ...(holdMinutes ? { holdMinutes } : {}),
    ticketTypes,
  });
  const types = ((await (await request.get(`/api/v1/events/${eventId}/ticket-types`, { headers })).json()) as { data: { id: string; name: string }[] }).data;
  if (promo) {
    const ticketTypeIds = promo.types?.map((name) => types.find((t) => t.name === name)!.id);
    const code = await request.post(`/api/v1/events/${eventId}/promo-codes`, { headers, data: { code: promo.code, percentOff: promo.percentOff, ...(ticketTypeIds ? { ticketTypeIds } : {}) } });
    expect(code.status(), await code.text()).toBe(201);
  }
  await publish(request, eventId, headers);
  return { eventId, types };
}

async function attendeePage(browser: Browser, request: APIRequestContext, next: string): Promise<{ page: Page; email: string }> {
  const email = await createVerifiedAccount(request, { role: "attendee", name: "Ann Attendee", password: PASSWORD });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email, password: PASSWORD, next });
  return { page, email };
}

test("choose two types, unlock a hidden one with a code, pay with the test card and get a ticket of each with its QR code", async ({ browser, request }) => {
  const title = `Harbour Jazz ${randomUUID().slice(0, 6)}`;
  const { eventId } = await eventWithTypes(request, {
    title,
    capacity: 20,
    ticketTypes: [
      { name: "Standard", priceCents: 2500, description: "Standing room" },
      { name: "Balcony", priceCents: 4000 },
      { name: "Backstage", priceCents: 9000, hidden: true },
    ],
    promo: { code: "Harbour10", percentOff: 10, types: ["Balcony", "Backstage"] },
  });
  const { page, email } = await attendeePage(browser, request, `/events/${eventId}`);

  const types = page.getByTestId("ticket-type");
  await expect(types).toHaveCount(2);
  await page.getByLabel("Standard").selectOption("2");
  await page.getByLabel("Balcony").selectOption("1");
  await expect(page.getByTestId("selection-total-amount")).toHaveText("€90.00");

  await page.getByRole("button", { name: "Have a promo code?" }).click();
  await page.getByLabel("Promo code").fill("harbour10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("promo-applied")).toContainText("unlocks Backstage");
  await expect(types).toHaveCount(3);
  await page.getByLabel("Backstage").selectOption("1");
  // 2 × 25 + 40 + 90 = 180; 10% off the Balcony and Backstage lines (130) = 13.
  await expect(page.getByTestId("selection-discount")).toHaveText("−€13.00");
  await expect(page.getByTestId("selection-total-amount")).toHaveText("€167.00");
  await page.getByRole("button", { name: /^Continue/ }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toContainText("Awaiting payment");
  await expect(page.getByTestId("order-total")).toHaveText("€167.00");
  await expect(page.getByTestId("hold-countdown")).toHaveText(/^\d+:\d\d$/);
  await page.getByTestId("pay-link").click();
  await payWithCard(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  await expect(page.getByTestId("ticket-code")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /^QR code for ticket / })).toHaveCount(4);
  await expect(page.getByTestId("order-tickets")).toContainText("Backstage");

  await page.goto("/orders");
  await expect(page.getByTestId("order-card").filter({ hasText: title }).getByTestId("order-status")).toHaveText("Paid");
  await expect.poll(() => mailSubjects(request, email), { timeout: 20_000, message: "the confirmation reaches the dev mailbox" }).toContain(`Your tickets: ${title}`);
});

test("a declined card says why and keeps the seats held; the next card pays", async ({ browser, request }) => {
  const title = `Dock Sessions ${randomUUID().slice(0, 6)}`;
  const { eventId } = await eventWithTypes(request, { title, capacity: 5, ticketTypes: [{ name: "General admission", priceCents: 1500 }] });
  const { page } = await attendeePage(browser, request, `/events/${eventId}`);

  await page.getByLabel("General admission").selectOption("2");
  await page.getByRole("button", { name: /^Continue/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByTestId("pay-link").click();

  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.getByTestId("pay-declined")).toBeVisible();
  await payWithCard(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  await expect(page.getByTestId("ticket-code")).toHaveCount(2);
});

test("a hold that runs out releases its seats: a second buyer sees them come back", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const title = `Last Tram ${randomUUID().slice(0, 6)}`;
  // The shortest hold an organizer can set (1 minute): the journey waits for a real expiry.
  const { eventId } = await eventWithTypes(request, { title, capacity: 2, holdMinutes: 1, ticketTypes: [{ name: "General admission", priceCents: 1000 }] });
  const first = await attendeePage(browser, request, `/events/${eventId}`);
  await first.page.getByLabel("General admission").selectOption("2");
  await first.page.getByRole("button", { name: /^Continue/ }).click();
  await expect(first.page.getByTestId("hold-countdown")).toBeVisible();

  const second = await attendeePage(browser, request, `/events/${eventId}`);
  await expect(second.page.getByTestId("seats-available")).toHaveText("Sold out.");

  // No reload: at zero the countdown says so and the page fetches itself again.
  await expect(first.page.getByTestId("order-status")).toHaveText("Expired", { timeout: 75_000 });
  await expect(first.page.getByTestId("order-ended")).toContainText("Your hold ended before payment, so the seats were released.");
  await second.page.reload();
  await expect(second.page.getByTestId("seats-available")).toHaveText("2 seats available.");
  await second.page.getByLabel("General admission").selectOption("2");
  await second.page.getByRole("button", { name: /^Continue/ }).click();
  await expect(second.page.getByTestId("order-status")).toContainText("Awaiting payment");
  await expect.poll(() => mailSubjects(request, first.email), { timeout: 30_000, message: "the expiry email reaches the dev mailbox" }).toContain(`Your hold expired: ${title}`);
});

test("old booking links open the orders pages", async ({ browser, request }) => {
  const { page } = await attendeePage(browser, request, "/orders");
  await page.goto("/bookings");
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My orders" })).toBeVisible();
});
