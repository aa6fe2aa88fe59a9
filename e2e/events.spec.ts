import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "amber lighthouse quartet 7";

test("an organizer creates, publishes and edits an event; a visitor finds it; a stale second tab gets the conflict message", async ({ page, browser, request }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Lantern Quartet ${tag}`;
  const email = await createVerifiedAccount(request, { role: "organizer", name: "Ola Organizer", password: PASSWORD });
  await signIn(page, { email, password: PASSWORD, next: "/dashboard/events" });

  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Candlelit strings: Haydn, Ravel and a new piece.");
  await page.getByLabel("Venue").fill("Old Observatory, Lisbon");
  await page.getByLabel("Category").fill("music");
  await page.getByLabel("Starts (local time)").fill("2031-06-01T19:00");
  await page.getByLabel("Ends (local time)").fill("2031-06-01T18:00");
  await page.getByLabel("Capacity").fill("120");
  await page.getByLabel("Price per seat").fill("18.50");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("must be after the start time")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);

  await page.getByLabel("Ends (local time)").fill("2031-06-01T21:00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Draft")).toBeVisible();

  const visitor = await browser.newContext();
  try {
    const anonymous = await visitor.newPage();
    await anonymous.goto(`/?q=${encodeURIComponent(`Lantern ${tag}`)}`);
    await expect(anonymous.getByText("No events match your search")).toBeVisible();

    await row.getByRole("button", { name: `Publish ${title}` }).click();
    await expect(row.getByText("Published")).toBeVisible();

    await anonymous.goto("/");
    await anonymous.getByLabel("Search").fill(`lantern ${tag}`);
    await anonymous.getByRole("button", { name: "Search" }).click();
    await anonymous.getByRole("link", { name: title }).click();
    await expect(anonymous.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(anonymous.getByText("Old Observatory, Lisbon")).toBeVisible();
    await expect(anonymous.getByText("€18.50").first()).toBeVisible();
    await expect(anonymous.getByTestId("seats-left")).toContainText("120 seats left");
  } finally {
    await visitor.close();
  }

  const editUrl = await row.getByRole("link", { name: `Edit ${title}` }).getAttribute("href");
  const tabA = page;
  const tabB = await page.context().newPage();
  await tabA.goto(editUrl!);
  await tabB.goto(editUrl!);

  await tabA.getByLabel("Title").fill(`${title} (matinee)`);
  await tabA.getByRole("button", { name: "Save changes" }).click();
  await expect(tabA.getByText("Changes saved.")).toBeVisible();

  await tabB.getByLabel("Venue").fill("Somewhere else entirely");
  await tabB.getByRole("button", { name: "Save changes" }).click();
  await expect(tabB.getByText("Someone changed this event since you opened it.")).toBeVisible();
  await tabB.getByRole("link", { name: "Reload the latest version" }).click();
  await expect(tabB.getByLabel("Title")).toHaveValue(`${title} (matinee)`);
  await expect(tabB.getByLabel("Venue")).toHaveValue("Old Observatory, Lisbon");
});
