import { expect, test } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "saffron window orbit 73";

for (const width of [390, 1280] as const) {
  test(`create an API token on the account page, see it once, use it, then revoke it (${width} px)`, async ({ page, request }) => {
    await page.setViewportSize({ width, height: 900 });
    const email = await createVerifiedAccount(request, { role: "organizer", name: "Tia Token", password: PASSWORD });
    await signIn(page, { email, password: PASSWORD, next: "/account" });

    const form = page.getByRole("form", { name: "Create an API token" });
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText("Give the token a name.")).toBeVisible();
    await expect(form.getByText("Choose at least one permission.")).toBeVisible();

    await form.getByLabel("Token name").fill("Newsletter sync");
    await form.getByLabel("See events, drafts included").check();
    await form.getByLabel("Works for").selectOption("30");
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = page.getByTestId("new-api-token");
    await expect(secret).toHaveText(/^evtly_pat_/);
    const token = (await secret.textContent())!;
    await expect(page.getByText("it will not be shown again")).toBeVisible();

    const used = await request.get("/api/v1/events", { headers: { authorization: `Bearer ${token}` } });
    expect(used.status()).toBe(200);
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    const row = page.getByTestId("api-token").filter({ hasText: "Newsletter sync" });
    await expect(row).toContainText("Last used");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await row.getByRole("button", { name: "Revoke the token Newsletter sync" }).click();
    await expect(page.getByTestId("api-token")).toHaveCount(0);
    const refused = await request.get("/api/v1/events", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
  });
}
