import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { accessToken, createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "amber lighthouse quartet 7";

test("an organizer uploads a cover in the event form; the event page offers it in several widths and formats, each served as an image", async ({ page, request }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Harbour Lights ${tag}`;
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Ola Organizer", password: PASSWORD });
  const token = await accessToken(request, email, PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/events", {
    headers,
    data: { title, venue: "Ribeira pier, Porto", startsAt: "2031-07-01T20:00:00Z", endsAt: "2031-07-01T23:00:00Z", capacity: 50, priceCents: 1500, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers })).status()).toBe(200);

  const photo = await sharp({ create: { width: 1800, height: 900, channels: 3, background: "#1d4ed8" } })
    .composite([{ input: { create: { width: 900, height: 450, channels: 3, background: "#f59e0b" } }, top: 225, left: 450 }])
    .jpeg()
    .toBuffer();

  await signIn(page, { email, password: PASSWORD, next: `/dashboard/events/${id}/edit` });
  await expect(page.getByText("No cover yet.")).toBeVisible();
  await page.getByLabel("Choose an image").setInputFiles({ name: "harbour.jpg", mimeType: "image/jpeg", buffer: photo });
  const preview = page.getByTestId("cover-preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await page.goto(`/events/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const picture = page.locator("article picture").first();
  const srcsets = [
    await picture.locator('source[type="image/avif"]').getAttribute("srcset"),
    await picture.locator('source[type="image/webp"]').getAttribute("srcset"),
    await picture.locator("img").getAttribute("srcset"),
  ];
  const urls: string[] = [];
  for (const srcset of srcsets) {
    const entries = srcset!.split(", ").map((entry) => entry.split(" "));
    expect(entries.map(([, w]) => w)).toEqual(["480w", "960w", "1600w"]);
    urls.push(...entries.map(([url]) => url!));
  }
  // Chromium picked one of them (AVIF) and decoded it.
  await expect.poll(() => picture.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(await picture.locator("img").evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.avif$/);

  for (const url of urls) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["content-type"], url).toMatch(/^image\/(avif|webp|jpeg)$/);
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  }
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/api\/v1\/media\/[0-9a-f-]{36}\/1600\.jpeg$/);

  // Removing it in the form takes it off the page.
  await page.goto(`/dashboard/events/${id}/edit`);
  await page.getByRole("button", { name: "Remove cover" }).click();
  await expect(page.getByText("No cover yet.")).toBeVisible();
  await page.goto(`/events/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("article picture")).toHaveCount(0);
  expect((await request.get(urls[0]!)).status()).toBe(404);
});
