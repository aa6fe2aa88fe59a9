import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { accessToken, createVerifiedAccount, signIn } from "./support/accounts";

/**
 * Every page, as each kind of visitor, at a phone and a laptop width: no serious or critical axe
 * violation, nothing wider than the viewport, and a full-page screenshot kept per page and width.
 * Pages with ids are found by following the app's own links from the seeded data.
 */
const PASSWORD = "evently-demo-2026";
const WIDTHS = [390, 1280] as const;

type Visitor = { name: string; email: string | null; landing: string };
const VISITORS: Visitor[] = [
  { name: "anonymous", email: null, landing: "/" },
  { name: "attendee", email: "ann@evently.local", landing: "/orders" },
  { name: "organizer", email: "org1@evently.local", landing: "/dashboard/events" },
  { name: "admin", email: "admin@evently.local", landing: "/admin/users" },
];

/** The first link on `path` whose href matches, as a path. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeDefined();
  return href!;
}

async function pagesFor(page: Page, visitor: Visitor): Promise<string[]> {
  const eventPage = await firstLink(page, "/", /^\/events\/[0-9a-f-]{36}$/);
  switch (visitor.name) {
    case "anonymous":
      return ["/", eventPage, "/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/no-such-page"];
    case "attendee":
      return ["/", eventPage, "/orders", await firstLink(page, "/orders", /^\/orders\/[0-9a-f-]{36}$/), "/waitlist", "/account", "/account/delete", "/verify"];
    case "organizer": {
      const attendees = await firstLink(page, "/dashboard/events", /^\/dashboard\/events\/[0-9a-f-]{36}\/attendees$/);
      const base = attendees.replace(/\/attendees$/, "");
      const id = base.split("/").at(-1)!;
      return [
        "/dashboard",
        "/dashboard/events",
        "/dashboard/events/new",
        attendees,
        `${base}/waitlist`,
        `${base}/edit`,
        `${base}/cancel`,
        `${base}/tickets`,
        `${base}/promo-codes`,
        `${base}/messages`,
        `/dashboard/analytics/${id}`,
        eventPage,
        "/account",
      ];
    }
    default: {
      const analytics = await firstLink(page, "/dashboard", /^\/dashboard\/analytics\/[0-9a-f-]{36}$/);
      return ["/admin/users", "/admin/jobs", "/admin/security", "/admin/system", "/dashboard", analytics, "/dashboard/events"];
    }
  }
}

async function checkPage(page: Page, path: string, width: number, testInfo: TestInfo): Promise<void> {
  await page.goto(path);
  const label = `${path} at ${width}px`;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${label} is no wider than the viewport`).toBeLessThanOrEqual(innerWidth);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const severe = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(severe, `${label} has no serious or critical axe violation`).toEqual([]);
  await testInfo.attach(`${path.replaceAll("/", "_") || "_"}-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

for (const visitor of VISITORS) {
  test(`every page passes axe and fits the screen for the ${visitor.name} at 390 and 1280 px`, async ({ page }, testInfo) => {
    // Every page at two widths with a full axe run each: minutes, and more as pages are added.
    test.setTimeout(360_000);
    if (visitor.email) await signIn(page, { email: visitor.email, password: PASSWORD, next: visitor.landing });
    const paths = await pagesFor(page, visitor);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) await checkPage(page, path, width, testInfo);
    }
  });
}

test("a signed-in phone visitor reaches every section through the menu", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, { email: "org1@evently.local", password: PASSWORD, next: "/bookings" });
  const menu = page.getByTestId("mobile-menu");
  const toggle = menu.getByText("Menu");
  await expect(toggle).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(menu.getByTestId("mobile-user-name")).toBeVisible();
  await menu.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(menu).not.toHaveAttribute("open");
  await toggle.click();
  await expect(menu.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await menu.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("attendees are not offered a Dashboard, admins are offered Admin and the analytics details", async ({ browser }) => {
  const attendee = await browser.newPage();
  await signIn(attendee, { email: "ann@evently.local", password: PASSWORD, next: "/orders" });
  const main = attendee.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "My orders" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const admin = await browser.newPage();
  await signIn(admin, { email: "admin@evently.local", password: PASSWORD, next: "/admin/users" });
  await expect(admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
  // The internal "facts applied" panel is an admin detail, folded away.
  await admin.goto(await firstLink(admin, "/dashboard", /^\/dashboard\/analytics\/[0-9a-f-]{36}$/));
  await expect(admin.getByTestId("admin-facts")).toBeVisible();
  await expect(admin.getByTestId("admin-facts")).not.toHaveAttribute("open");
});

test("the ticket menu offers no more seats than are left and the total follows it", async ({ page, request }) => {
  // Its own three-seat event: the seeded history books demo events at random.
  const organizer = await createVerifiedAccount(request, { role: "organizer", name: "Olu Organizer", password: PASSWORD });
  const headers = { authorization: `Bearer ${await accessToken(request, organizer, PASSWORD)}` };
  const title = `Linocut Evening ${randomUUID().slice(0, 6)}`;
  const created = await request.post("/api/v1/events", {
    headers,
    data: { title, venue: "Studio 9, Manchester", category: "arts", startsAt: "2031-05-01T17:00:00Z", endsAt: "2031-05-01T20:00:00Z", capacity: 3, priceCents: 5500, currency: "GBP" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/events/${id}/publish`, { headers })).status()).toBe(200);
  const attendee = await createVerifiedAccount(request, { role: "attendee", name: "Cleo Attendee", password: PASSWORD });

  await signIn(page, { email: attendee, password: PASSWORD, next: `/events/${id}` });
  await expect(page.getByTestId("seats-available")).toHaveText("3 seats available.");
  const seats = page.getByLabel("General admission");
  // 0 to 3: no more than the seats left.
  await expect(seats.locator("option")).toHaveCount(4);
  await seats.selectOption("2");
  await expect(page.getByTestId("selection-total-amount")).toHaveText("£110.00");
  await expect(page.getByRole("button", { name: /^Continue/ })).toHaveText("Continue · 2 tickets");
});

test("a sold-out page tells signed-out visitors about the waitlist", async ({ page }) => {
  await page.goto("/?q=Rooftop");
  await page.getByRole("link", { name: "Rooftop Acoustic Session" }).first().click();
  await expect(page.getByTestId("seats-available")).toHaveText("Sold out.");
  await expect(page.getByTestId("waitlist-invite")).toContainText("sign in to join it");
  await expect(page.getByRole("link", { name: "Sign in to join the waitlist" })).toBeVisible();
});
