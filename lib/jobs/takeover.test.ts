import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { mailbox } from "@/lib/mail/schema";
import { resetDatabase } from "@/tests/harness/db";
import { drainJobs } from "./drain";
import { emit } from "./emit";
import { createRunner } from "./runner";
import { jobRuns } from "./schema";
import { crashControl, emailOnce } from "./test-fixtures/crash-functions";

/** Resolves with the first stdout line starting with `prefix`. */
function lineFrom(child: ChildProcess, prefix: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`no "${prefix}" line from the worker process`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split("\n").find((l) => l.startsWith(prefix));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once("exit", (code) => reject(new Error(`worker process exited (${code}) before "${prefix}"`)));
  });
}

describe("a worker process killed mid-step", () => {
  let child: ChildProcess | undefined;
  let prepared = 0;

  beforeEach(async () => {
    await resetDatabase();
    prepared = 0;
    crashControl.onPrepare = () => void prepared++;
  });
  afterEach(() => {
    child?.kill("SIGKILL");
  });

  it("leaves its run to another worker, which finishes it with the email sent exactly once", async () => {
    const db = getDb();
    const eventId = await db.transaction((tx) =>
      emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: randomUUID() }),
    );
    child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "jobs", "test-fixtures", "worker-process.ts")], {
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const preparedLine = lineFrom(child, "PREPARED ", 25_000);
    await lineFrom(child, "EMAIL_STORED", 25_000);
    const childToken = (await preparedLine).split(" ")[1];

    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    const [stalled] = await db.select().from(jobRuns);
    expect(stalled).toMatchObject({ status: "running", lockedBy: "doomed" });

    await drainJobs({ db, functions: [emailOnce], timeoutMs: 10_000 });

    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.outboxId, eventId));
    expect(run).toMatchObject({ status: "completed", result: { token: childToken, mail: { status: "already-sent" } } });
    expect(prepared).toBe(0);
    const mails = await db.select().from(mailbox).where(like(mailbox.dedupeKey, `${eventId}:%`));
    expect(mails).toHaveLength(1);
  });

  it("parks a run as dead once workers have died on it as many times as it has attempts", async () => {
    const db = getDb();
    await db.transaction((tx) =>
      emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: randomUUID() }),
    );
    const runner = createRunner({ db, functions: [emailOnce], leaseMs: 1 });
    await runner.dispatch();
    const [queued] = await db.select().from(jobRuns);
    // Each claim whose lease lapses unrenewed stands for a worker that died in the step.
    for (let i = 0; i < queued!.maxAttempts; i++) {
      expect(await runner.claim()).not.toBeNull();
      await new Promise((r) => setTimeout(r, 5));
    }

    await drainJobs({ db, functions: [emailOnce] });

    const [run] = await db.select().from(jobRuns);
    expect(run).toMatchObject({ status: "dead", lastError: { name: "WorkerLost" } });
    expect(await db.select().from(mailbox)).toEqual([]);
  });
});
