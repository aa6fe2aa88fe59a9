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

  it("lists the options that in-process runs ignore, and not the flow control they honour", () => {
    const limited = inngest.createFunction(
      {
        id: "t-limited",
        concurrency: 1,
        throttle: { limit: 1, period: "1s" },
        debounce: { period: "5s" },
        rateLimit: { limit: 1, period: "1m" },
        triggers: [events["platform.demo_requested"]],
      },
      async () => {},
    );
    expect(buildRegistry(inngest.id, [limited]).ignoredOptions).toEqual([
      { functionId: "t-limited", options: ["debounce", "rateLimit"] },
    ]);
  });

  it("refuses at start a flow-control expression that is not valid CEL, naming the function", () => {
    const broken = inngest.createFunction(
      { id: "t-broken", concurrency: { limit: 1, key: "event.data.eventId +" }, triggers: [events["platform.demo_requested"]] },
      async () => {},
    );
    expect(() => buildRegistry(inngest.id, [broken])).toThrow(/"t-broken": concurrency\[0\]\.key expression .* is not valid CEL/);
  });
});
