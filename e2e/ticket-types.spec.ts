import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { accessToken, createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "amber lighthouse quartet 7";

type TicketType = { name: string; priceCents: number; capacity: number | null; hidden: boolean };

/** Fits a phone and a laptop screen, with no serious axe violation. */
async function checkLayout(page: Page, label: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect.soft(scrollWidth, `${label} at ${width}px is no wider than the viewport`).toBeLessThanOrEqual(innerWidth);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect.soft(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), `${label} at ${width}px`).toEqual([]);
  }
}

test("an organizer adds a second ticket type and a promo code in the dashboard, and the event's public JSON sells both types", async ({ page, request }) => {
  const tag = randomUUID().slice(0, 6);
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Tia Tickets", password: PASSWORD });
  const token = await accessToken(request, email, PASSWORD);
  const auth = { Authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/events", {
    headers: auth,
    data: { title: `Harbour Lights ${tag}`, venue: "Pier 4, Porto", startsAt: "2031-07-01T19:00:00Z", endsAt: "2031-07-01T22:00:00Z", capacity: 80, priceCents: 2000, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers: auth })).status()).toBe(200);

  await signIn(page, { email, password: PASSWORD, next: "/dashboard/events" });
  await page.getByRole("link", { name: `Tickets of Harbour Lights ${tag}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: "General admission" })).toBeVisible();

  const add = page.locator("section", { has: page.getByRole("heading", { name: "Add a ticket type" }) });
  await add.getByLabel("Name").fill("Front row");
  await add.getByLabel("Price (EUR)").fill("45,50");
  await add.getByRole("button", { name: "Add ticket type" }).click();
  await expect(add.getByText("Enter an amount like 25.00.")).toBeVisible();
  await add.getByLabel("Price (EUR)").fill("45.50");
  await add.getByLabel("How many (optional)").fill("12");
  await add.getByRole("button", { name: "Add ticket type" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Front row" })).toBeVisible();
  await expect(page.getByTestId("ticket-types")).toContainText("€45.50 · 0 sold of 12 · 12 left");

  await page.getByRole("button", { name: "Move Front row up" }).click();
  await expect(page.getByTestId("ticket-types").getByRole("heading", { level: 2 }).first()).toHaveText("Front row");
  await checkLayout(page, "tickets page");

  await page.getByRole("link", { name: "Promo codes" }).click();
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Create a promo code" }) });
  await form.getByLabel("Code").fill(`SAIL${tag}`);
  await form.getByLabel("Discount", { exact: true }).fill("15");
  await form.getByLabel("Uses allowed (optional)").fill("50");
  await form.getByLabel("Front row").check();
  await form.getByRole("button", { name: "Create promo code" }).click();
  await expect(page.getByTestId("promo-codes")).toContainText(`SAIL${tag}`);
  await expect(page.getByTestId("promo-codes")).toContainText("0 of 50");
  await form.getByLabel("Code").fill(`sail${tag}`);
  await form.getByLabel("Discount", { exact: true }).fill("5");
  await form.getByRole("button", { name: "Create promo code" }).click();
  await expect(form.getByText("already has the code")).toBeVisible();
  await checkLayout(page, "promo codes page");

  const event = (await (await request.get(`/api/v1/events/${id}`)).json()) as { ticketTypes: TicketType[] };
  expect(event.ticketTypes.map(({ name, priceCents, capacity, hidden }) => ({ name, priceCents, capacity, hidden }))).toEqual([
    { name: "Front row", priceCents: 4550, capacity: 12, hidden: false },
    { name: "General admission", priceCents: 2000, capacity: null, hidden: false },
  ]);
  const codes = (await (await request.get(`/api/v1/events/${id}/promo-codes`, { headers: auth })).json()) as { data: { code: string; uses: number; percentOff: number }[] };
  expect(codes.data.map(({ code, uses, percentOff }) => ({ code, uses, percentOff }))).toEqual([{ code: `SAIL${tag}`, uses: 0, percentOff: 15 }]);
});
