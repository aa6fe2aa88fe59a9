import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const PASSWORD = "amber lighthouse quartet 7";

/** A fresh, verified organizer account made through the public API and the dev mailbox. */
async function createOrganizer(request: APIRequestContext): Promise<string> {
  const email = `org-${randomUUID().slice(0, 8)}@example.test`;
  const registered = await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD, name: "Ola Organizer", role: "organizer" } });
  expect(registered.status()).toBe(202);
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
        const { data } = (await res.json()) as { data: { subject: string }[] };
        code = data.map((m) => /^(\d{6}) is your Evently verification code/.exec(m.subject)?.[1]).find(Boolean);
        return code;
      },
      { timeout: 20_000, message: "the verification code reaches the dev mailbox" },
    )
    .toMatch(/^\d{6}$/);
  expect((await request.post("/api/v1/auth/verify", { data: { email, code } })).status()).toBe(200);
  return email;
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test("an organizer creates, publishes and edits an event; a visitor finds it; a stale second tab gets the conflict message", async ({ page, browser, request }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Lantern Quartet ${tag}`;
  const email = await createOrganizer(request);
  await signIn(page, email, "/dashboard/events");

  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Candlelit strings: Haydn, Ravel and a new piece.");
  await page.getByLabel("Venue").fill("Old Observatory, Lisbon");
  await page.getByLabel("Category").fill("music");
  await page.getByLabel("Starts (UTC)").fill("2031-06-01T19:00");
  await page.getByLabel("Ends (UTC)").fill("2031-06-01T18:00");
  await page.getByLabel("Capacity").fill("120");
  await page.getByLabel("Price per seat").fill("18.50");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("must be after the start time")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);

  await page.getByLabel("Ends (UTC)").fill("2031-06-01T21:00");
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
