import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "copper lantern meadow 58";

async function expectAxeClean(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(severe, `${label} has no serious or critical axe violation`).toEqual([]);
}

for (const width of [390, 1280] as const) {
  test(`an owner creates an organization token, it creates an event through the API, and stops at once when revoked (${width} px)`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: 900 });
    const email = await createVerifiedAccount(request, { role: "organizer", name: "Orla Owner", password: PASSWORD });
    await signIn(page, { email, password: PASSWORD, next: "/dashboard/organization" });

    const form = page.getByRole("form", { name: "Create an organization API token" });
    await expect(form).toBeVisible();
    await expectAxeClean(page, `/dashboard/organization at ${width}px`);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText("Give the token a name.")).toBeVisible();

    await form.getByLabel("Token name").fill("Box office sync");
    await form.getByLabel("See events, drafts included").check();
    await form.getByLabel("Create, edit, publish and cancel events").check();
    await form.getByLabel("Works for").selectOption("30");
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = page.getByTestId("new-api-token");
    await expect(secret).toHaveText(/^evtly_org_/);
    const token = (await secret.textContent())!;
    await expect(page.getByText("it will not be shown again")).toBeVisible();

    const auth = { authorization: `Bearer ${token}` };
    const startsAt = new Date(Date.now() + 21 * 86_400_000);
    const created = await request.post("/api/v1/events", {
      headers: auth,
      data: { title: "Token-made evening", venue: "Wire Hall", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 10 },
    });
    expect(created.status()).toBe(201);
    expect((await request.get("/api/v1/me", { headers: auth })).status()).toBe(403);

    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    const row = page.getByTestId("organization-token").filter({ hasText: "Box office sync" });
    await expect(row).toContainText("Last used");
    await expect(row).toContainText("Created by Orla Owner");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await row.getByRole("button", { name: "Revoke the token Box office sync" }).click();
    await expect(row.getByText("Every program using it stops working at once.")).toBeVisible();
    await expectAxeClean(page, `revoke confirmation at ${width}px`);
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByTestId("organization-token")).toHaveCount(0);
    await expect(page.getByText("revoked the API token “Box office sync”")).toBeVisible();
    const refused = await request.get("/api/v1/events", { headers: auth });
    expect(refused.status()).toBe(401);
  });
}
