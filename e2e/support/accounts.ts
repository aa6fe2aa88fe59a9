import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Subjects of every message the dev mailbox holds for `email` (none while it answers an error). */
export async function mailSubjects(request: APIRequestContext, email: string): Promise<string[]> {
  const res = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  if (!res.ok()) return [];
  const { data } = (await res.json()) as { data: { subject: string }[] };
  return data.map((m) => m.subject);
}

/** The newest verification code mailed to `email` (mail is sent by a job, so poll). */
export async function verificationCode(request: APIRequestContext, email: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        code = (await mailSubjects(request, email)).map((s) => /^(\d{6}) is your Evently verification code/.exec(s)?.[1]).find(Boolean);
        return code;
      },
      { timeout: 20_000, message: "the verification code reaches the dev mailbox" },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** A fresh verified account made through the public API, its code read from the dev mailbox; returns its email. */
export async function createVerifiedAccount(
  request: APIRequestContext,
  { role, name, password }: { role: "attendee" | "organizer"; name: string; password: string },
): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  expect((await request.post("/api/v1/auth/register", { data: { email, password, name, role } })).status()).toBe(202);
  const code = await verificationCode(request, email);
  expect((await request.post("/api/v1/auth/verify", { data: { email, code } })).status()).toBe(200);
  return email;
}

/** An API access token for the account. */
export async function accessToken(request: APIRequestContext, email: string, password: string): Promise<string> {
  const res = await request.post("/api/v1/auth/token", { data: { email, password } });
  expect(res.status(), `sign-in of ${email}`).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in through the form and waits until it lands on `next`. */
export async function signIn(page: Page, { email, password, next }: { email: string; password: string; next: string }): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === next);
}
