import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const base = { NODE_ENV: "test", AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789" } as const;

describe("parseEnv: where jobs run and where the web listens", () => {
  it("runs jobs in a separate worker process unless JOBS_WORKER says otherwise, and keeps the old true/false spellings", () => {
    const mode = (JOBS_WORKER?: string) => parseEnv({ ...base, JOBS_WORKER }).JOBS_WORKER;
    expect(mode()).toBe("separate");
    expect([mode("separate"), mode("inline"), mode("off")]).toEqual(["separate", "inline", "off"]);
    expect([mode("true"), mode("1"), mode("false"), mode("0")]).toEqual(["inline", "inline", "off", "off"]);
  });

  it("refuses an unknown JOBS_WORKER or lease, naming the variable", () => {
    expect(() => parseEnv({ ...base, JOBS_WORKER: "sometimes" })).toThrow(/JOBS_WORKER/);
    expect(() => parseEnv({ ...base, JOBS_LEASE_SECONDS: "0" })).toThrow(/JOBS_LEASE_SECONDS/);
  });

  it("leaves HOST unset when it is not given, so a process never claims loopback it was not told", () => {
    expect(parseEnv(base).HOST).toBeUndefined();
    expect(parseEnv({ ...base, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });
});

describe("parseEnv: payment provider", () => {
  it("uses the test provider by default outside the container image", () => {
    expect(parseEnv(base).PAYMENT_PROVIDER).toBe("test");
  });

  it("refuses the test provider where the image asks for real payments, unless ALLOW_TEST_PAYMENTS says it is meant", () => {
    expect(() => parseEnv({ ...base, REFUSE_TEST_PAYMENTS: "true" })).toThrow(/PAYMENT_PROVIDER/);
    expect(parseEnv({ ...base, REFUSE_TEST_PAYMENTS: "true", ALLOW_TEST_PAYMENTS: "true" }).PAYMENT_PROVIDER).toBe("test");
  });

  it("refuses to start with Stripe unless both its keys are set, naming each missing one", () => {
    const missingBoth = () => parseEnv({ ...base, PAYMENT_PROVIDER: "stripe" });
    expect(missingBoth).toThrow(/STRIPE_SECRET_KEY: is required/);
    expect(missingBoth).toThrow(/STRIPE_WEBHOOK_SECRET: is required/);
    expect(() => parseEnv({ ...base, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    const stripe = parseEnv({ ...base, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    expect(stripe).toMatchObject({ PAYMENT_PROVIDER: "stripe", STRIPE_TIMEOUT_MS: 20_000 });
  });

  it("refuses a Stripe key that is not one, such as a publishable key pasted by mistake", () => {
    const withKey = (STRIPE_SECRET_KEY: string) => () => parseEnv({ ...base, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    expect(withKey("pk_live_abc")).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret/);
    expect(withKey("rk_live_abc")).not.toThrow();
    expect(() => parseEnv({ ...base, STRIPE_WEBHOOK_SECRET: "secret" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it("refuses a provider it has no adapter for, naming the variable", () => {
    expect(() => parseEnv({ ...base, PAYMENT_PROVIDER: "paypal" })).toThrow(/PAYMENT_PROVIDER/);
  });
});
