import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { functions } from "@/inngest/functions";
import { buildRegistry, maxAttempts } from "./registry";

describe("buildRegistry", () => {
  it("accepts every function of the app for in-process runs", () => {
    const registry = buildRegistry(inngest.id, functions);
    expect(registry.byId.size).toBe(functions.length);
  });

  it("matches exact names and trailing wildcards, and reads retries as Inngest does", () => {
    const exact = inngest.createFunction({ id: "t-exact", retries: 1, triggers: [events["platform.demo_requested"]] }, async () => {});
    const wildcard = inngest.createFunction({ id: "t-wild", triggers: [{ event: "platform.*" }] }, async () => {});
    const registry = buildRegistry(inngest.id, [exact, wildcard]);

    expect(registry.triggeredBy("platform.demo_requested").map((f) => f.opts.id)).toEqual(["t-exact", "t-wild"]);
    expect(registry.triggeredBy("booking.confirmed")).toEqual([]);
    expect([maxAttempts(exact), maxAttempts(wildcard)]).toEqual([2, 5]);
  });

  it("refuses what only an Inngest server can do, rather than ignoring it", () => {
    const filtered = inngest.createFunction(
      { id: "t-filtered", triggers: [{ event: "platform.demo_requested", if: "event.data.to != ''" }] },
      async () => {},
    );
    expect(() => buildRegistry(inngest.id, [filtered])).toThrow(/need an Inngest server/);
  });

  it("lists the flow-control options that in-process runs ignore", () => {
    const limited = inngest.createFunction(
      { id: "t-limited", concurrency: 1, throttle: { limit: 1, period: "1s" }, triggers: [events["platform.demo_requested"]] },
      async () => {},
    );
    expect(buildRegistry(inngest.id, [limited]).ignoredOptions).toEqual([
      { functionId: "t-limited", options: ["concurrency", "throttle"] },
    ]);
  });
});
