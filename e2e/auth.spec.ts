import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn, verificationCode } from "./support/accounts";

const PASSWORD = "violet harbour kettle 42";

test("sign up, verify by email code, sign in twice, and revoke the first session from the second", async ({ page, browser, request }) => {
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const name = `Eve ${randomUUID().slice(0, 4)}`;

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify\?email=/);

  const code = await verificationCode(request, email);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Confirm email" }).click();
  // The code proves the mailbox: the account is signed in at once, no password asked again.
  await expect(page).toHaveURL(/\/account\?verified=1/);
  await expect(page.getByText("Your email address is confirmed and you are signed in.")).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveText(name);

  const second = await browser.newContext();
  try {
    const other = await second.newPage();
    await signIn(other, { email, password: PASSWORD, next: "/account" });
    const sessions = other.getByTestId("session");
    await expect(sessions).toHaveCount(2);
    const firstSession = other.locator('[data-testid="session"][data-current="false"]');
    await firstSession.getByRole("button", { name: /Revoke/ }).click();
    await expect(sessions).toHaveCount(1);
    await expect(other.locator('[data-testid="session"][data-current="true"]')).toBeVisible();
  } finally {
    await second.close();
  }

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused on the form without saying which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`nobody-${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
});
