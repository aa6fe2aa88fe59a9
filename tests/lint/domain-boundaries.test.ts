import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The boundary rules in eslint.config.mjs, run through ESLint's own API on imports written into
 * files that do not exist (the targets do): each forbidden import is reported, each allowed one is not.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary messages ESLint reports for `importLine` written at the top of `file`. */
async function boundaryErrors(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = [x];\n`, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

describe("domain boundaries (npm run lint)", () => {
  it.each([
    ["next/server", 'import { NextResponse as x } from "next/server";'],
    ["a type from next", 'import type { NextRequest as x } from "next/server";'],
    ["react", 'import { useState as x } from "react";'],
    ["react-dom", 'import { flushSync as x } from "react-dom";'],
    ["a react-email component", 'import { Html as x } from "@react-email/components";'],
  ])("refuses %s inside a domain", async (_what, importLine) => {
    expect(await boundaryErrors("lib/domain/events/probe.ts", importLine)).toEqual([
      "A domain never imports Next.js or React: it knows no HTTP and renders nothing.",
    ]);
  });

  it.each([
    ["emails/", 'import { renderEmail as x } from "@/emails/render";'],
    ["app/", 'import { GET as x } from "@/app/api/v1/events/route";'],
    ["app/ by a relative path", 'import { GET as x } from "../../../app/api/v1/events/route";'],
    ["lib/notifications", 'import { sendBookingConfirmed as x } from "@/lib/notifications";'],
    ["a file in lib/notifications", 'import { sendBookingConfirmed as x } from "@/lib/notifications/booking-emails";'],
  ])("refuses %s inside a domain", async (_what, importLine) => {
    expect(await boundaryErrors("lib/domain/bookings/probe.ts", importLine)).toEqual([
      "A domain never imports app/, emails/ or lib/notifications: faces and side effects live above the domains.",
    ]);
  });

  it.each([
    ["lib/checkout", 'import { placeOrder as x } from "@/lib/checkout";'],
    ["a file in lib/checkout", 'import { cancelOrder as x } from "@/lib/checkout/cancel-order";'],
  ])("refuses %s inside a domain", async (_what, importLine) => {
    expect(await boundaryErrors("lib/domain/payments/probe.ts", importLine)).toEqual([
      "A domain never imports lib/checkout: orchestration across bookings and payments sits above the domains.",
    ]);
  });

  it.each([
    ["an alias path", 'import { getEvent as x } from "@/lib/domain/events/get-event";'],
    ["a relative path", 'import { getEvent as x } from "../events/get-event";'],
    ["a type", 'import type { EventRecord as x } from "@/lib/domain/events/event-record";'],
    ["a dynamic import", 'const x = await import("@/lib/domain/events/get-event");'],
    ["a re-export", 'export { getEvent } from "@/lib/domain/events/get-event";\nconst x = 1;'],
  ])("refuses another domain's internals by %s, naming the domain", async (_what, importLine) => {
    expect(await boundaryErrors("lib/domain/bookings/probe.ts", importLine)).toEqual([
      "Another domain is reached only through its index.ts (lib/domain/events).",
    ]);
  });

  it("lets a domain use another domain's index and its own files", async () => {
    expect(await boundaryErrors("lib/domain/bookings/probe.ts", 'import { getEvent as x } from "@/lib/domain/events";')).toEqual([]);
    expect(await boundaryErrors("lib/domain/events/probe.ts", 'import { events as x } from "./schema";')).toEqual([]);
    expect(await boundaryErrors("lib/domain/events/probe.ts", 'import { Conflict as x } from "@/lib/domain/errors";')).toEqual([]);
  });

  it.each([
    ["another domain", "lib/domain/analytics/probe.ts", 'import { events as x } from "@/lib/domain/events/schema";'],
    ["a face", "app/probe.ts", 'import { events as x } from "@/lib/domain/events/schema";'],
    ["a job function", "inngest/functions/probe.ts", 'import { events as x } from "@/lib/domain/events/schema";'],
    ["shared plumbing", "lib/jobs/probe.ts", 'import { events as x } from "../domain/events/schema";'],
    ["a root file", "probe.config.ts", 'import { events as x } from "./lib/domain/events/schema";'],
  ])("refuses a domain's schema.ts to %s", async (_what, file, importLine) => {
    expect(await boundaryErrors(file, importLine)).toEqual([
      "A domain's tables are its own: only code inside lib/domain/events imports its schema.ts.",
    ]);
  });

  it("lets drizzle's schema aggregation and tests read a domain's tables", async () => {
    expect(await boundaryErrors("lib/db/schema.ts", 'import { events as x } from "@/lib/domain/events/schema";')).toEqual([]);
    expect(await boundaryErrors("tests/probe/probe.test.ts", 'import { events as x } from "@/lib/domain/events/schema";')).toEqual([]);
    expect(await boundaryErrors("lib/domain/bookings/probe.test.ts", 'import { events as x } from "@/lib/domain/events/schema";')).toEqual([]);
  });

  it("keeps test fixtures to tests", async () => {
    const fixtures = 'import { createTestUser as x } from "@/lib/domain/auth/test-fixtures";';
    expect(await boundaryErrors("app/probe.ts", fixtures)).toEqual(["Test fixtures are for tests only."]);
    expect(await boundaryErrors("lib/domain/bookings/probe.ts", fixtures)).toEqual(["Test fixtures are for tests only."]);
    expect(await boundaryErrors("lib/domain/bookings/probe.test.ts", fixtures)).toEqual([]);
    expect(await boundaryErrors("tests/scale/support/probe.ts", fixtures)).toEqual([]);
  });
});
