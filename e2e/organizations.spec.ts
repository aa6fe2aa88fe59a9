import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { accessToken, mailSubjects, signIn } from "./support/accounts";

const PASSWORD = "amber lighthouse quartet 7";

/**
 * A verified account made through the public API. Three accounts in a row wait behind the demo
 * seed's mail at start, so the code is awaited longer than support/accounts.ts does.
 */
async function verifiedAccount(request: APIRequestContext, role: "attendee" | "organizer", name: string): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  expect((await request.post("/api/v1/auth/register", { data: { email, password: PASSWORD, name, role } })).status()).toBe(202);
  let code: string | undefined;
  await expect
    .poll(
      async () => (code = (await mailSubjects(request, email)).map((s) => /^(\d{6}) is your Evently verification code/.exec(s)?.[1]).find(Boolean)),
      { timeout: 90_000, message: "the verification code reaches the dev mailbox" },
    )
    .toMatch(/^\d{6}$/);
  expect((await request.post("/api/v1/auth/verify", { data: { email, code } })).status()).toBe(200);
  return email;
}

/** The invitation link mailed to `email` (a job sends it, so poll the dev mailbox). */
async function invitationPath(request: APIRequestContext, email: string): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
        if (!res.ok()) return undefined;
        const { data } = (await res.json()) as { data: { subject: string; text: string }[] };
        path = data.map((m) => /\/invitations\/[0-9a-f-]{36}/.exec(m.text)?.[0]).find(Boolean);
        return path;
      },
      { timeout: 90_000, message: "the invitation reaches the dev mailbox" },
    )
    .toMatch(/^\/invitations\//);
  return path!;
}

test("an owner invites a manager, who creates an event; invited check-in staff cannot see its orders", async ({ page, browser, request }) => {
  const tag = randomUUID().slice(0, 6);
  const title = `Harbour Lights ${tag}`;
  test.setTimeout(300_000);
  const [ownerEmail, managerEmail, staffEmail] = await Promise.all([
    verifiedAccount(request, "organizer", "Oona Owner"),
    verifiedAccount(request, "attendee", "Mika Manager"),
    verifiedAccount(request, "attendee", "Sami Scanner"),
  ]);

  await signIn(page, { email: ownerEmail, password: PASSWORD, next: "/dashboard/organization" });
  await expect(page.getByRole("heading", { name: "Oona Owner's organization" })).toBeVisible();
  await page.getByLabel("Email address").fill(managerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${managerEmail}.`)).toBeVisible();
  await expect(page.getByTestId("invitations")).toContainText(managerEmail);

  const managerContext = await browser.newContext();
  const staffContext = await browser.newContext();
  try {
    const manager = await managerContext.newPage();
    const managerInvitation = await invitationPath(request, managerEmail);
    await signIn(manager, { email: managerEmail, password: PASSWORD, next: managerInvitation });
    await manager.getByRole("button", { name: "Join Oona Owner's organization" }).click();
    await expect(manager).toHaveURL(/\/dashboard\/organization/);
    await expect(manager.getByTestId("members")).toContainText("Mika Manager");

    await manager.goto("/dashboard/events/new");
    await manager.getByLabel("Title").fill(title);
    await manager.getByLabel("Venue").fill("Pier 4, Lisbon");
    await manager.getByLabel("Category").fill("music");
    await manager.getByLabel("Starts (local time)").fill("2031-07-01T19:00");
    await manager.getByLabel("Ends (local time)").fill("2031-07-01T22:00");
    await manager.getByLabel("Capacity").fill("80");
    await manager.getByRole("button", { name: "Save draft" }).click();
    await expect(manager.getByText("Draft saved.")).toBeVisible();

    // The owner finds the manager's event among the organization's events.
    await page.goto("/dashboard/events");
    const row = page.getByRole("row", { name: new RegExp(title) });
    await expect(row).toBeVisible();
    const editHref = await row.getByRole("link", { name: `Edit ${title}` }).getAttribute("href");
    const eventId = /\/dashboard\/events\/([0-9a-f-]{36})\//.exec(editHref!)![1]!;
    await page.goto(`/dashboard/events/${eventId}/attendees`);
    await expect(page.getByRole("heading", { name: `Attendees · ${title}` })).toBeVisible();

    await page.goto("/dashboard/organization");
    await page.getByLabel("Email address").fill(staffEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("checkin");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${staffEmail}.`)).toBeVisible();

    const staff = await staffContext.newPage();
    const staffInvitation = await invitationPath(request, staffEmail);
    await signIn(staff, { email: staffEmail, password: PASSWORD, next: staffInvitation });
    await staff.getByRole("button", { name: "Join Oona Owner's organization" }).click();
    await expect(staff).toHaveURL(/\/dashboard\/organization/);
    for (const path of [`/dashboard/events/${eventId}/attendees`, `/dashboard/events/${eventId}/attendees/export`]) {
      const response = await staff.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await staff.goto("/dashboard/events/new");
    await expect(staff.getByText("Organizer accounts only")).toBeVisible();

    await page.reload();
    await expect(page.getByText(/changed the role of|joined/).first()).toBeVisible();
  } finally {
    await managerContext.close();
    await staffContext.close();
  }
});

test("a finance member sees the organization's revenue on the dashboard but cannot edit its events", async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  const title = `Quayside Strings ${randomUUID().slice(0, 6)}`;
  const [ownerEmail, financeEmail] = await Promise.all([verifiedAccount(request, "organizer", "Fia Founder"), verifiedAccount(request, "attendee", "Finn Finance")]);
  const owner = { authorization: `Bearer ${await accessToken(request, ownerEmail, PASSWORD)}` };
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  const created = await request.post("/api/v1/events", {
    headers: owner,
    data: { title, venue: "Quay 2, Porto", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 40, priceCents: 2500, currency: "EUR" },
  });
  expect(created.status()).toBe(201);
  const { id: eventId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${eventId}/publish`, { headers: owner })).status()).toBe(200);
  // A demo buyer pays for two seats with the built-in test provider, as a script pays.
  const buyer = { authorization: `Bearer ${await accessToken(request, "ann@evently.local", "evently-demo-2026")}` };
  const booked = await request.post(`/api/v1/events/${eventId}/bookings`, { headers: { ...buyer, "idempotency-key": randomUUID() }, data: { quantity: 2 } });
  expect(booked.status()).toBe(201);
  const { id: orderId } = (await booked.json()) as { id: string };
  expect((await request.post(`/api/dev/payments/${orderId}`, { headers: buyer, data: { outcome: "succeeded" } })).status()).toBe(200);

  await signIn(page, { email: ownerEmail, password: PASSWORD, next: "/dashboard/organization" });
  await page.getByLabel("Email address").fill(financeEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("finance");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${financeEmail}.`)).toBeVisible();

  const financeContext = await browser.newContext();
  try {
    const finance = await financeContext.newPage();
    await signIn(finance, { email: financeEmail, password: PASSWORD, next: await invitationPath(request, financeEmail) });
    await finance.getByRole("button", { name: "Join Fia Founder's organization" }).click();
    await expect(finance).toHaveURL(/\/dashboard\/organization/);

    // Analytics trail the sale by a job run: the finance member's dashboard shows it once applied.
    await expect(async () => {
      await finance.goto("/dashboard?currency=EUR");
      await expect(finance.getByTestId("kpi-revenue")).toContainText("50.00", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(finance.getByTestId("kpi-seats-today")).toHaveText("2");

    await finance.goto("/dashboard/events");
    const row = finance.getByRole("row", { name: new RegExp(title) });
    await expect(row.getByRole("link", { name: `Analytics of ${title}` })).toBeVisible();
    await expect(row.getByRole("link", { name: `Attendees of ${title}` })).toBeVisible();
    await expect(row.getByRole("link", { name: `Edit ${title}` })).toHaveCount(0);
    await expect(row.getByRole("link", { name: `Cancel ${title}` })).toHaveCount(0);
    expect((await finance.goto(`/dashboard/events/${eventId}/edit`))?.status()).toBe(404);
  } finally {
    await financeContext.close();
  }
});
