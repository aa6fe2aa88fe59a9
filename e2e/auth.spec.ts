import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const PASSWORD = "violet harbour kettle 42";

/** The newest verification code mailed to `email`, from the dev mailbox (mail is sent by a job, so poll). */
async function readCode(request: APIRequestContext, email: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
        if (!res.ok()) return undefined;
        const { data } = (await res.json()) as { data: { subject: string }[] };
        code = data.map((m) => /^(\d{6}) is your Evently verification code/.exec(m.subject)?.[1]).find(Boolean);
        return code;
      },
      { timeout: 20_000, message: "a verification code reaches the dev mailbox" },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

async function signIn(page: Page, email: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign up, verify by email code, sign in twice, and revoke the first session from the second", async ({ page, browser, request }) => {
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const name = `Eve ${randomUUID().slice(0, 4)}`;

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify\?email=/);

  const code = await readCode(request, email);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Confirm email" }).click();
  await expect(page).toHaveURL(/\/sign-in\?verified=1/);
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toHaveText(name);

  const second = await browser.newContext();
  try {
    const other = await second.newPage();
    await signIn(other, email, "/account");
    await expect(other).toHaveURL(/\/account$/);
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
