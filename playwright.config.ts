import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/** Journeys run in Debian's Chromium against the production build on a fresh local database. */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "attendee", testMatch: ["smoke.spec.ts", "auth.spec.ts", "bookings.spec.ts", "account.spec.ts", "api-tokens.spec.ts", "checkout.spec.ts", "refunds.spec.ts"] },
    { name: "dashboard", testMatch: ["events.spec.ts", "analytics.spec.ts", "cover-image.spec.ts", "event-page.spec.ts", "ticket-types.spec.ts", "organizations.spec.ts", "organization-tokens.spec.ts", "carry-tickets.spec.ts", "check-in.spec.ts"] },
    { name: "api", testMatch: ["api.spec.ts", "generated-client.spec.ts"] },
    { name: "accessibility", testMatch: ["accessibility.spec.ts"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    // WEBHOOK_ALLOW_PRIVATE: the generated-client journey receives webhooks on a loopback port.
    env: { PORT: String(port), APP_URL: baseURL, WEBHOOK_ALLOW_PRIVATE: "true" },
  },
});
