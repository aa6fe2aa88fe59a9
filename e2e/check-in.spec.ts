import { randomUUID } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { accessToken, createVerifiedAccount, signIn } from "./support/accounts";
import { writeQrCodeVideo } from "./support/fake-camera";

const PASSWORD = "amber lighthouse quartet 7";

test("at the door a phone's camera reads a ticket's QR code: green with the holder's name, then red on the second scan; the Arrivals tab counts it", async ({ playwright, request }, testInfo) => {
  const tag = randomUUID().slice(0, 6);
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Dora Door", password: PASSWORD });
  const auth = { Authorization: `Bearer ${await accessToken(request, email, PASSWORD)}` };
  const created = await request.post("/api/v1/events", {
    headers: auth,
    data: { title: `Night Market ${tag}`, venue: "Old Hall, Leeds", startsAt: "2031-05-01T18:00:00Z", endsAt: "2031-05-01T23:00:00Z", capacity: 40, priceCents: 0, currency: "GBP", timezone: "Europe/London" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers: auth })).status()).toBe(200);
  const booked = await request.post(`/api/v1/events/${id}/bookings`, { headers: { ...auth, "idempotency-key": randomUUID() }, data: { quantity: 1 } });
  expect(booked.status()).toBe(201);
  const ticketCode = ((await booked.json()) as { items: { ticketCode: string }[] }).items[0]!.ticketCode;

  // The camera file must exist before Chromium starts, so this test launches its own browser.
  const video = testInfo.outputPath("ticket-qr.y4m");
  await writeQrCodeVideo(video, ticketCode);
  const use = testInfo.project.use;
  const browser = await playwright.chromium.launch({
    ...use.launchOptions,
    args: [...(use.launchOptions?.args ?? []), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${path.resolve(video)}`],
  });
  try {
    const context = await browser.newContext({ baseURL: use.baseURL, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Signing in reaches the scanner by a client navigation, so the camera runs under the policy
    // of the sign-in page's document, as it does on a phone.
    await signIn(page, { email, password: PASSWORD, next: `/dashboard/events/${id}/check-in` });
    await expect(page.getByRole("heading", { name: `Check-in · Night Market ${tag}` })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect.soft(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "Start camera" }).click();
    const result = page.getByTestId("scan-result");
    await expect(result).toHaveAttribute("data-result", "in", { timeout: 20_000 });
    await expect(result).toContainText("Checked in");
    await expect(result).toContainText("Dora Door");
    await expect(result).toContainText("General admission");
    // The same code still before the camera is read again after its pause, and refused.
    await expect(result).toHaveAttribute("data-result", "refused", { timeout: 20_000 });
    await expect(result).toContainText("Already checked in");
    await expect(result).toContainText(/already checked in at \d\d:\d\d by Dora Door/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: "Stop camera" }).click();
    await page.goto(`/dashboard/events/${id}/arrivals`);
    await expect(page.getByTestId("checked-in-total")).toContainText("1 of 1 tickets (100%)");
    await expect(page.getByTestId("arrivals").getByRole("listitem")).toHaveCount(1);
    await page.getByRole("link", { name: "Attendees" }).click();
    await expect(page.getByTestId("attendees")).toContainText("1 of 1 in");
  } finally {
    await browser.close();
  }
});

test("a scan made offline waits on the phone and, once back online, is checked in; a second queued scan of it is reported as a conflict", async ({ page, request }) => {
  const tag = randomUUID().slice(0, 6);
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Olly Offline", password: PASSWORD });
  const auth = { Authorization: `Bearer ${await accessToken(request, email, PASSWORD)}` };
  const created = await request.post("/api/v1/events", {
    headers: auth,
    data: { title: `Barn Dance ${tag}`, venue: "Long Barn, Hay", startsAt: "2031-06-01T18:00:00Z", endsAt: "2031-06-01T23:00:00Z", capacity: 40, priceCents: 0, currency: "GBP" },
  });
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers: auth })).status()).toBe(200);
  const booked = await request.post(`/api/v1/events/${id}/bookings`, { headers: { ...auth, "idempotency-key": randomUUID() }, data: { quantity: 1 } });
  const ticketCode = ((await booked.json()) as { items: { ticketCode: string }[] }).items[0]!.ticketCode;

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, { email, password: PASSWORD, next: `/dashboard/events/${id}/check-in` });
  await expect(page.getByTestId("check-in-count")).toContainText("0 of 1 tickets checked in");
  await page.context().setOffline(true);
  for (let i = 0; i < 2; i++) {
    await page.getByLabel("Ticket code").fill(ticketCode);
    await page.getByRole("button", { name: "Check in" }).click();
    await expect(page.getByTestId("scan-result")).toHaveAttribute("data-result", "queued");
  }
  await expect(page.getByTestId("check-in-count")).toContainText("2 scans waiting for the network");
  await page.context().setOffline(false);
  await expect(page.getByTestId("sync-conflicts")).toContainText(`${ticketCode}: already checked in at`, { timeout: 20_000 });
  await expect(page.getByTestId("check-in-count")).toHaveText("1 of 1 tickets checked in");
});
