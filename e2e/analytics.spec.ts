import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { accessToken, createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "violet harbour kettle 42";
const DEMO_PASSWORD = "evently-demo-2026";

// The demo seed's sales become job runs on first start; this journey times its own jobs, so it starts once they are done.
test.beforeAll(async ({ request }) => {
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/health");
        return ((await res.json()) as { checks: { jobs?: { detail?: { backlog?: number } } } }).checks.jobs?.detail?.backlog;
      },
      { timeout: 60_000, message: "the seeded jobs are worked off" },
    )
    .toBe(0);
});

test("an organizer sees the bookings just made on the dashboard cards, charts and event page", async ({ page, request }, testInfo) => {
  // A fresh organizer, so the dashboard holds exactly what this journey books (the seed's demo organizers have history).
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Orla Organizer", password: PASSWORD });
  const organizer = { email, accessToken: await accessToken(request, email, PASSWORD) };
  const auth = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });
  const title = `Analytics Night ${randomUUID().slice(0, 6)}`;
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const created = await request.post("/api/v1/events", {
    headers: auth(organizer.accessToken),
    data: { title, venue: "Playwright Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 50, priceCents: 2500, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id: eventId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${eventId}/publish`, { headers: auth(organizer.accessToken) })).status()).toBe(200);

  for (const [email, quantity] of [["ann@evently.local", 3], ["ben@evently.local", 2]] as const) {
    const buyer = auth(await accessToken(request, email, DEMO_PASSWORD));
    const booked = await request.post(`/api/v1/events/${eventId}/bookings`, { headers: { ...buyer, "idempotency-key": randomUUID() }, data: { quantity } });
    expect(booked.status(), `booking by ${email}`).toBe(201);
    // A paid booking counts once it is paid: with the built-in test provider, as a script pays.
    const { id } = (await booked.json()) as { id: string };
    expect((await request.post(`/api/dev/payments/${id}`, { headers: buyer, data: { outcome: "succeeded" } })).status(), `payment by ${email}`).toBe(200);
  }

  // Analytics trail the bookings by a job run: wait until they agree, as the contract allows.
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/v1/analytics/events/${eventId}`, { headers: auth(organizer.accessToken) });
        return res.ok() ? ((await res.json()) as { seatsSold: number }).seatsSold : -1;
      },
      { timeout: 20_000, message: "the booking facts reach the analytics" },
    )
    .toBe(5);

  await signIn(page, { email: organizer.email, password: PASSWORD, next: "/dashboard" });

  await expect(page.getByTestId("kpi-seats-today")).toHaveText("5");
  await expect(page.getByTestId("kpi-revenue")).toContainText("125.00");
  await expect(page.getByTestId("kpi-active-events")).toHaveText("1");
  await expect(page.getByTestId("sales-chart").getByRole("application")).toBeVisible();
  await expect(page.getByTestId("sales-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // Recharts wraps axis labels into one tspan per word, so the title is checked on the link under the chart.
  await expect(page.getByTestId("fill-rate-chart").locator(".recharts-bar-rectangle")).toHaveCount(1);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();

  const shot = testInfo.outputPath("analytics-dashboard.png");
  await page.screenshot({ path: shot, fullPage: true });
  await page.screenshot({ path: "test-results/analytics-dashboard.png", fullPage: true });
  await testInfo.attach("dashboard", { path: shot, contentType: "image/png" });

  await page.getByRole("link", { name: title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/analytics/${eventId}`));
  await expect(page.getByTestId("event-seats-sold")).toHaveText("5 / 50");
  await expect(page.getByTestId("event-bookings")).toHaveText("2");
  await expect(page.getByTestId("audit-trail")).toContainText("booked");
  // The facts that moved these numbers are an internal view for admins only.
  await expect(page.getByTestId("admin-facts")).toHaveCount(0);
  await testInfo.attach("event-analytics", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const csv = await page.request.get(`/dashboard/analytics/daily.csv?eventId=${eventId}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("date,bookings,seats_sold,cancellations,seats_cancelled,currency,gross_cents,refunds_cents,net_cents");
  expect(lines.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},2,5,0,0,EUR,12500,0,12500$/);
});

test("another organizer's event analytics answer 404 over the API", async ({ request }) => {
  const [owner, other] = [await accessToken(request, "org1@evently.local", DEMO_PASSWORD), await accessToken(request, "org2@evently.local", DEMO_PASSWORD)];
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const created = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${owner}` },
    data: { title: `Private Numbers ${randomUUID().slice(0, 6)}`, venue: "Playwright Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), capacity: 20, priceCents: 0, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id: eventId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${eventId}/publish`, { headers: { authorization: `Bearer ${owner}` } })).status()).toBe(200);

  const own = await request.get(`/api/v1/analytics/events/${eventId}`, { headers: { authorization: `Bearer ${owner}` } });
  expect(own.status()).toBe(200);
  const res = await request.get(`/api/v1/analytics/events/${eventId}`, { headers: { authorization: `Bearer ${other}` } });
  expect(res.status()).toBe(404);
  expect(((await res.json()) as { code: string }).code).toBe("NOT_FOUND");
});

test("an admin sees platform totals, job health and the request error rate on the system panel", async ({ page }) => {
  await signIn(page, { email: "admin@evently.local", password: DEMO_PASSWORD, next: "/admin/system" });
  await expect(page.getByTestId("system-users")).not.toHaveText("0");
  await expect(page.getByTestId("system-bookings")).not.toHaveText("0");
  await expect(page.getByTestId("system-jobs-backlog")).toBeVisible();
  await expect(page.getByTestId("system-error-rate")).toContainText("%");
  await expect(page.getByRole("heading", { name: "Payment reconciliation" })).toBeVisible();
});

test("an organizer selling in two currencies picks the one the money figures show, never a sum of both", async ({ page, request }) => {
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Cora Currencies", password: PASSWORD });
  const auth = { authorization: `Bearer ${await accessToken(request, email, PASSWORD)}` };
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  const buyer = { authorization: `Bearer ${await accessToken(request, "ann@evently.local", DEMO_PASSWORD)}` };
  // Two seats in EUR (2 × 25.00), three in JPY (3 × ¥1,500): JPY sells most seats, so it shows first.
  for (const [currency, priceCents, quantity] of [["EUR", 2500, 2], ["JPY", 1500, 3]] as const) {
    const created = await request.post("/api/v1/events", {
      headers: auth,
      data: { title: `Money Night ${currency} ${randomUUID().slice(0, 6)}`, venue: "Playwright Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), capacity: 20, priceCents, currency },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await request.post(`/api/v1/events/${id}/publish`, { headers: auth })).status()).toBe(200);
    const booked = await request.post(`/api/v1/events/${id}/bookings`, { headers: { ...buyer, "idempotency-key": randomUUID() }, data: { quantity } });
    expect(booked.status()).toBe(201);
    const { id: orderId } = (await booked.json()) as { id: string };
    expect((await request.post(`/api/dev/payments/${orderId}`, { headers: buyer, data: { outcome: "succeeded" } })).status()).toBe(200);
  }
  await expect
    .poll(async () => ((await (await request.get("/api/v1/analytics/daily", { headers: auth })).json()) as { data: { seatsSold: number }[] }).data.at(-1)?.seatsSold, {
      timeout: 20_000,
      message: "the sales reach the analytics",
    })
    .toBe(5);
  const daily = (await (await request.get("/api/v1/analytics/daily", { headers: auth })).json()) as { currency: string; currencies: string[]; data: { revenueCents: number }[] };
  expect(daily).toMatchObject({ currency: "JPY", currencies: ["JPY", "EUR"] });
  expect(daily.data.at(-1)!.revenueCents).toBe(4500);

  await signIn(page, { email, password: PASSWORD, next: "/dashboard" });
  await expect(page.getByTestId("kpi-revenue")).toContainText("4,500");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/currency=EUR/);
  await expect(page.getByTestId("kpi-revenue")).toContainText("50.00");
  await expect(page.getByTestId("kpi-revenue")).not.toContainText("4,5");
});
