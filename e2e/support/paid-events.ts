import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { accessToken, createVerifiedAccount } from "./accounts";

/**
 * A draft event in Porto (1 September 2031, 19:00–22:00 UTC, EUR) made through the API by a new
 * organizer, with `fields` on top; the caller adds what it needs (types, promo codes) and
 * publishes with `headers`.
 */
export async function eventOfNewOrganizer(
  request: APIRequestContext,
  password: string,
  fields: Record<string, unknown>,
): Promise<{ eventId: string; organizer: string; headers: Record<string, string>; event: Record<string, unknown> }> {
  const organizer = await createVerifiedAccount(request, { role: "organizer", name: "Ola Organizer", password });
  const headers = { authorization: `Bearer ${await accessToken(request, organizer, password)}` };
  const created = await request.post("/api/v1/events", {
    headers,
    data: { venue: "Harbour Hall, Porto", category: "music", startsAt: "2031-09-01T19:00:00Z", endsAt: "2031-09-01T22:00:00Z", currency: "EUR", ...fields },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string } & Record<string, unknown>;
  return { eventId: event.id, organizer, headers, event };
}

export async function publish(request: APIRequestContext, eventId: string, headers: Record<string, string>): Promise<void> {
  expect((await request.post(`/api/v1/events/${eventId}/publish`, { headers })).status()).toBe(200);
}

/** Fills the test provider's card form and pays. */
export async function payWithCard(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Ann Attendee");
  await page.getByRole("button", { name: /^Pay / }).click();
}
