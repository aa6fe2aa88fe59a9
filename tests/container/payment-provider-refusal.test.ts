import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

/**
 * The container image must not take "payments" that move no money by mistake. Read from the
 * Dockerfile itself: the runner stage's ENV and CMD, run here as the image would run them
 * (no Docker on test machines), with only what an operator would add.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const runner = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

/** The runner stage's ENV (it sets NODE_ENV=production, which the first test checks). */
function imageEnv(): NodeJS.ProcessEnv {
  const block = /\nENV ((?:[^\n]*\\\n)*[^\n]*)/.exec(runner)![1]!.replace(/\\\n/g, " ");
  return Object.fromEntries([...block.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])) as NodeJS.ProcessEnv;
}

function imageCommand(): string[] {
  return JSON.parse(/\nCMD (\[.*\])/.exec(runner)![1]!) as string[];
}

/** Runs the image's command with the image's environment plus `extra`; nothing else leaks in from this process. */
function startImage(extra: Record<string, string>) {
  const [command, ...args] = imageCommand();
  expect(command).toBe("node");
  return spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    // An address nothing listens on: a start that got past the check would fail later, differently.
    env: { PATH: process.env.PATH, ...imageEnv(), DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", AUTH_SECRET: "image-secret-image-secret-image-secret-0123", ...extra },
  });
}

describe("the container image and the test payment provider", () => {
  it("sets the refusal in the image's runner stage", () => {
    expect(imageEnv()).toMatchObject({ REFUSE_TEST_PAYMENTS: "true", NODE_ENV: "production" });
  });

  it("refuses to start with the default test provider, naming PAYMENT_PROVIDER and the way out", () => {
    const started = startImage({});
    expect(started.status).not.toBe(0);
    expect(started.stderr).toMatch(/PAYMENT_PROVIDER: is the test provider, which takes no real money/);
    expect(started.stderr).toMatch(/ALLOW_TEST_PAYMENTS=true/);
  });

  it("refuses PAYMENT_PROVIDER=test said out loud too, and Stripe without its keys", () => {
    expect(startImage({ PAYMENT_PROVIDER: "test" }).stderr).toMatch(/PAYMENT_PROVIDER: is the test provider/);
    const stripe = startImage({ PAYMENT_PROVIDER: "stripe" });
    expect(stripe.status).not.toBe(0);
    expect(stripe.stderr).toMatch(/STRIPE_SECRET_KEY: is required/);
  });

  it("accepts the test provider in the image when ALLOW_TEST_PAYMENTS=true, and Stripe with its keys", () => {
    const base = { ...imageEnv(), AUTH_SECRET: "image-secret-image-secret-image-secret-0123" };
    expect(parseEnv({ ...base, ALLOW_TEST_PAYMENTS: "true" }).PAYMENT_PROVIDER).toBe("test");
    expect(parseEnv({ ...base, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).PAYMENT_PROVIDER).toBe("stripe");
  });
});
