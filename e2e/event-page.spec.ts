import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "amber lighthouse quartet 7";

const HOSTILE_MARKDOWN = [
  "## Line-up",
  "**Blue Note Trio** with *special guests*.",
  "[Directions](https://example.com/directions)",
  "<script>window.__pwned = 'script'</script>",
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  "[Click me](javascript:window.__pwned='link')",
].join("\n\n");

test("an event in New York shows New York times with the visitor's own beside them, safe Markdown, JSON-LD and calendar links", async ({ page, browser, request }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Harlem Late Set ${tag}`;
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Nia Organizer", password: PASSWORD });
  await signIn(page, { email, password: PASSWORD, next: "/dashboard/events/new" });

  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill(HOSTILE_MARKDOWN);
  await page.getByLabel("Venue").fill("Minton's Playhouse, 206 W 118th St, New York");
  await page.getByLabel("Category").fill("music");
  await page.getByLabel("Time zone").fill("America/New_York");
  // 19:00 in New York in July is 23:00 UTC, and midnight the next day in Lisbon.
  await page.getByLabel("Starts (local time)").fill("2031-07-15T19:00");
  await page.getByLabel("Ends (local time)").fill("2031-07-15T22:30");
  await page.getByLabel("Capacity").fill("80");
  await page.getByLabel("Price per seat").fill("25.00");
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await row.getByRole("button", { name: `Publish ${title}` }).click();
  await expect(row.getByText("Published")).toBeVisible();

  // The next new event starts in the zone this organizer just used.
  await page.goto("/dashboard/events/new");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");

  const visitor = await browser.newContext({ timezoneId: "Europe/Lisbon" });
  try {
    const lisbon = await visitor.newPage();
    const dialogs: string[] = [];
    lisbon.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await lisbon.goto(`/?q=${encodeURIComponent(`harlem ${tag}`)}`);
    await lisbon.getByRole("link", { name: title }).click();
    await expect(lisbon.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const eventId = new URL(lisbon.url()).pathname.split("/").at(-1)!;

    await expect(lisbon.getByTestId("starts-at")).toHaveText("Tue, 15 Jul 2031, 19:00 GMT-4");
    await expect(lisbon.getByTestId("event-time-zone")).toHaveText("America/New York");
    await expect(lisbon.getByTestId("viewer-time").first()).toContainText("Your time:");
    await expect(lisbon.getByTestId("viewer-time").first()).toContainText(/Wed, (Jul 16|16 Jul), (12:00 AM|00:00)/);
    await expect(lisbon.getByText("Published", { exact: true })).toHaveCount(0);

    const description = lisbon.getByTestId("event-description");
    await expect(description.getByRole("heading", { name: "Line-up" })).toBeVisible();
    await expect(description.locator("strong")).toHaveText("Blue Note Trio");
    await expect(description.getByRole("link", { name: "Directions" })).toHaveAttribute("rel", "nofollow ugc noopener");
    await expect(description.locator("script, img[onerror], [onerror], iframe")).toHaveCount(0);
    await expect(description.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await description.getByText("Click me").click();
    expect(await lisbon.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);

    await expect(lisbon.getByRole("link", { name: /Minton's Playhouse/ })).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/search\?query=Minton/);
    await expect(lisbon.getByRole("link", { name: "Google" })).toHaveAttribute("href", /dates=20310715T230000Z%2F20310716T023000Z/);
    await expect(lisbon.getByRole("button", { name: "Share" })).toBeVisible();

    const ld = JSON.parse((await lisbon.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({
      "@type": "Event",
      name: title,
      startDate: "2031-07-15T19:00:00.000-04:00",
      endDate: "2031-07-15T22:30:00.000-04:00",
      location: { name: "Minton's Playhouse, 206 W 118th St, New York" },
      offers: { price: "25.00", priceCurrency: "USD" },
    });

    const ics = await (await visitor.request.get(`/events/${eventId}/calendar.ics`)).text();
    expect(ics).toContain("DTSTART:20310715T230000Z");
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain("America/New York time");

    const sitemap = await (await visitor.request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`/events/${eventId}</loc>`);
  } finally {
    await visitor.close();
  }
});
