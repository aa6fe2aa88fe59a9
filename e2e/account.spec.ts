import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createVerifiedAccount, signIn } from "./support/accounts";

const PASSWORD = "violet harbour kettle 42";
const NEW_PASSWORD = "copper lantern meadow 17";

/** The reset link in the newest password reset message for `email` (mail is sent by a job, so poll). */
async function resetLink(request: APIRequestContext, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
        if (!res.ok()) return undefined;
        const { data } = (await res.json()) as { data: { subject: string; text: string }[] };
        const message = data.find((m) => /is your Evently password reset code/.test(m.subject));
        link = message?.text.match(/https?:\/\/\S*\/reset-password\?[^\s\]]+/)?.[0];
        return link;
      },
      { timeout: 20_000, message: "the reset message reaches the dev mailbox" },
    )
    .toContain("/reset-password?");
  return link!;
}

test("reset a forgotten password with the emailed link, then sign in with the new one", async ({ page, request }) => {
  const email = await createVerifiedAccount(request, { role: "attendee", name: "Rita Reset", password: PASSWORD });

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByText(`If ${email} has an Evently account, a 6-digit code is on its way.`)).toBeVisible();

  const link = new URL(await resetLink(request, email));
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Code")).toHaveValue(/^\d{6}$/);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("Your password is changed")).toBeVisible();

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await signIn(page, { email, password: NEW_PASSWORD, next: "/account" });
});

test("download the data export, then delete the account", async ({ page, request }) => {
  const email = await createVerifiedAccount(request, { role: "attendee", name: "Dora Delete", password: PASSWORD });
  await signIn(page, { email, password: PASSWORD, next: "/account" });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const file = await (await download).path();
  const data = JSON.parse(await readFile(file, "utf8"));
  expect(data.user).toMatchObject({ email, name: "Dora Delete" });
  expect(data.sessions.length).toBeGreaterThan(0);

  await page.getByRole("link", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel(/I understand/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1/);
  await expect(page.getByText("Your account is deleted")).toBeVisible();

  const token = await request.post("/api/v1/auth/token", { data: { email, password: PASSWORD } });
  expect(token.status()).toBe(401);
});
