import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = path.join(import.meta.dirname, "test-fixtures", "shutdown-process.ts");

/** Starts the fixture, sends SIGTERM once it is ready, and returns what it printed and its exit code. */
function terminate(args: string[]): Promise<{ lines: string[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), FIXTURE, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith("ready\n") && !child.killed) child.kill("SIGTERM");
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ lines: out.trim().split("\n").slice(1), code }));
  });
}

describe("graceful shutdown", () => {
  it("holds Next's exit until the jobs worker has stopped, then closes the pools, and keeps Next's exit code", async () => {
    const { lines, code } = await terminate(["100", "400"]);

    expect(lines).toEqual(["next:draining", "worker:stopping", "next:exit", "worker:stopped", "pool:closed"]);
    expect(code).toBe(143);
  }, 20_000);

  it("closes the pools only after the requests have drained, even when the worker stops first", async () => {
    const { lines, code } = await terminate(["400", "50"]);

    expect(lines).toEqual(["next:draining", "worker:stopping", "worker:stopped", "next:exit", "pool:closed"]);
    expect(code).toBe(143);
  }, 20_000);

  it("exits by itself when nothing else handles the signal", async () => {
    const { lines, code } = await terminate(["0", "50", "alone"]);

    expect(lines).toEqual(["worker:stopping", "worker:stopped", "pool:closed"]);
    expect(code).toBe(143);
  }, 20_000);
});
