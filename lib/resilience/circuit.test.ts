import { afterEach, describe, expect, it, vi } from "vitest";
import { CircuitOpenError, createCircuit } from "./circuit";

const failing = () => Promise.reject(new Error("connection refused"));
const ok = () => Promise.resolve("ok");

afterEach(() => {
  vi.useRealTimers();
});

describe("createCircuit", () => {
  it("opens after consecutive failures, then fails fast without calling the dependency", async () => {
    const circuit = createCircuit({ name: "dep", timeoutMs: 1_000, failuresToOpen: 3, halfOpenAfterMs: 5_000 });
    for (let i = 0; i < 3; i++) await expect(circuit.execute(failing)).rejects.toThrow("connection refused");
    expect(circuit.status()).toBe("open");
    expect(circuit.reason()).toBe("connection refused");

    const work = vi.fn(ok);
    await expect(circuit.execute(work)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(work).not.toHaveBeenCalled();
  });

  it("lets one trial through after the half-open delay and closes again when it succeeds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const circuit = createCircuit({ name: "dep", timeoutMs: 1_000, failuresToOpen: 1, halfOpenAfterMs: 5_000 });
    await expect(circuit.execute(failing)).rejects.toThrow();
    vi.setSystemTime(Date.now() + 4_000);
    await expect(circuit.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);

    vi.setSystemTime(Date.now() + 1_500);
    await expect(circuit.execute(ok)).resolves.toBe("ok");
    expect(circuit.status()).toBe("closed");
    expect(circuit.reason()).toBeUndefined();
  });

  it("stays open when the trial fails", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const circuit = createCircuit({ name: "dep", timeoutMs: 1_000, failuresToOpen: 1, halfOpenAfterMs: 5_000 });
    await expect(circuit.execute(failing)).rejects.toThrow();
    vi.setSystemTime(Date.now() + 6_000);
    await expect(circuit.execute(failing)).rejects.toThrow("connection refused");
    expect(circuit.status()).toBe("open");
  });

  it("counts a call past its deadline as a failure and does not wait for it", async () => {
    const circuit = createCircuit({ name: "dep", timeoutMs: 50, failuresToOpen: 1 });
    const started = Date.now();
    await expect(circuit.execute(() => new Promise(() => {}))).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(circuit.status()).toBe("open");
  });

  it("does not count errors that say nothing about the dependency's health", async () => {
    const circuit = createCircuit({
      name: "dep",
      timeoutMs: 1_000,
      failuresToOpen: 1,
      ignore: (e) => e.message.startsWith("WRONGTYPE"),
    });
    await expect(circuit.execute(() => Promise.reject(new Error("WRONGTYPE key holds a hash")))).rejects.toThrow();
    expect(circuit.status()).toBe("closed");
  });
});
