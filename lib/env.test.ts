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
