import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";
import { eventOfNewOrganizer, payWithCard, publish } from "./support/paid-events";

const PASSWORD = "copper meadow lantern 93";

/** A published paid event (25.00 EUR a ticket) whose buyers may cancel for a refund until 48 hours before the start. */
async function refundableEvent(request: APIRequestContext, title: string): Promise<{ eventId: string; organizer: string }> {
  const { eventId, organizer, headers, event } = await eventOfNewOrganizer(request, PASSWORD, { title, timezone: "Europe/Lisbon", capacity: 20, priceCents: 2500, refundHoursBeforeStart: 48 });
  expect(event.refundHoursBeforeStart).toBe(48);
  await publish(request, eventId, headers);
  return { eventId, organizer };
}

async function signedInPage(browser: Browser, email: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email, password: PASSWORD, next });
  return page;
}

/** Orders `quantity` tickets on the event page and pays with the test provider's succeeding card; ends on the paid order page. */
async function buyAndPay(page: Page, eventId: string, quantity: number): Promise<string> {
  await page.goto(`/events/${eventId}`);
  await page.getByLabel("General admission").selectOption(String(quantity));
  await page.getByRole("button", { name: /^Continue/ }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  await page.getByTestId("pay-link").click();
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(orderUrl);
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  return orderUrl;
}

/** The newest dev-mailbox message to `email` whose subject matches. */
async function mailTo(request: APIRequestContext, email: string, subject: string): Promise<{ subject: string; text: string } | undefined> {
  const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  if (!res.ok()) return undefined;
  const { data } = (await res.json()) as { data: { subject: string; text: string }[] };
  return data.find((m) => m.subject === subject);
}

test("pay with the test card, cancel within the refund window, and see the refund on the order page, the receipt and in the email", async ({ browser, request }) => {
  const title = `Harbour Strings ${randomUUID().slice(0, 6)}`;
  const { eventId } = await refundableEvent(request, title);
  const buyer = await createVerifiedAccount(request, { role: "attendee", name: "Ann Attendee", password: PASSWORD });
  const page = await signedInPage(browser, buyer, `/events/${eventId}`);
  const orderUrl = await buyAndPay(page, eventId, 2);

  await expect(page.getByTestId("refund-window")).toContainText("You can cancel for a full refund until");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
  await page.getByTestId("receipt-link").click();
  await expect(page.getByTestId("receipt-organizer")).toHaveText("Ola Organizer");
  await expect(page.getByTestId("receipt-paid")).toHaveText("€50.00");
  await expect(page.getByTestId("receipt-taxes")).toHaveText("€0.00");
  await page.goto(orderUrl);

  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel and refund" }).click();
  // The page the action re-renders says what happened, and it stays said after a reload.
  const refunded = "This order was refunded: €50.00 went back to the card you paid with. Its tickets are no longer valid.";
  await expect(page.getByTestId("order-status")).toHaveText("Refunded");
  await expect(page.getByTestId("order-ended")).toHaveText(refunded);
  await expect(page.getByRole("button", { name: /cancel/i })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Refunded");
  await expect(page.getByTestId("order-ended")).toHaveText(refunded);
  await expect(page.getByTestId("refunded-total")).toHaveText("€50.00");
  await expect(page.getByTestId("refund")).toContainText("You cancelled the order.");
  await expect(page.getByTestId("refund")).toContainText("The tickets of this order are no longer valid.");

  const subject = `€50.00 refunded: ${title}`;
  await expect.poll(async () => (await mailTo(request, buyer, subject))?.subject, { timeout: 20_000, message: "the refund email reaches the dev mailbox" }).toBe(subject);
  const mail = (await mailTo(request, buyer, subject))!;
  expect(mail.text).toContain("We refunded €50.00 to the test card you paid with");
  expect(mail.text).toContain("Why: You cancelled the order.");
  expect(mail.text).toContain("Your 2 tickets are cancelled");
});

test("the organizer refunds part of an order from the dashboard: the buyer keeps the tickets and is told how much and why", async ({ browser, request }) => {
  const title = `Quay Quartet ${randomUUID().slice(0, 6)}`;
  const { eventId, organizer } = await refundableEvent(request, title);
  const buyer = await createVerifiedAccount(request, { role: "attendee", name: "Ann Attendee", password: PASSWORD });
  const buyerPage = await signedInPage(browser, buyer, `/events/${eventId}`);
  const orderUrl = await buyAndPay(buyerPage, eventId, 1);
  const orderId = orderUrl.split("/").at(-1)!;

  const dash = await signedInPage(browser, organizer, `/dashboard/events/${eventId}/orders`);
  await dash.getByRole("link", { name: orderId.slice(0, 8).toUpperCase() }).click();
  await expect(dash.getByTestId("organizer-order-status")).toHaveText("confirmed");
  await dash.getByLabel("Amount (EUR)").fill("10.00");
  await dash.getByLabel("Reason (the buyer reads it)").fill("The support act cancelled.");
  await dash.getByRole("button", { name: "Refund" }).click();
  await expect(dash.getByText("Refund recorded.")).toBeVisible();
  await dash.reload();
  await expect(dash.getByTestId("refunded-total")).toHaveText("€10.00");
  await expect(dash.getByTestId("refund")).toContainText("Partial refund: the tickets stay valid.");

  await buyerPage.reload();
  await expect(buyerPage.getByTestId("order-status")).toHaveText("Paid");
  await expect(buyerPage.getByTestId("payment-status")).toHaveText("Partly refunded");
  await expect(buyerPage.getByTestId("ticket-code")).toHaveCount(1);
  const subject = `€10.00 refunded: ${title}`;
  await expect.poll(async () => (await mailTo(request, buyer, subject))?.subject, { timeout: 20_000 }).toBe(subject);
  const mail = (await mailTo(request, buyer, subject))!;
  expect(mail.text).toContain("Why: The support act cancelled.");
  expect(mail.text).toContain("Your ticket stays valid");
});
