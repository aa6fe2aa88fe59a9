import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { randomUUID } from "node:crypto";
import postgres from "postgres";

/** Load generation and measurement for scripts/bench-booking.ts. */

export type Answer = { status: number; ms: number; at: number };
export type Request = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** A bare keep-alive HTTP client: the generator should cost the shared CPU as little as possible. */
export function client(baseUrl: string, concurrency: number): Request {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const req = http.request(
        { hostname, port, path, method, agent, headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, at: performance.now() }));
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `total` requests from `concurrency` workers: req/s and latency. */
export async function hammer(total: number, concurrency: number, send: () => Promise<Answer>) {
  const answers: Answer[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued++ < total) answers.push(await send());
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const ms = answers.map((a) => a.ms);
  return { count: answers.length, rps: answers.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99), ok: answers.every((a) => a.status === 200) };
}

/**
 * One flash sale: every worker books one seat per request for the next buyer in turn until it
 * is told 409 (SOLD_OUT) or the deadline passes. Seats/s runs from the first request to the last sale.
 */
export async function flashSale(request: Request, o: { eventId: string; tokens: string[]; concurrency: number; timeoutMs: number }) {
  const answers: Answer[] = [];
  const deadline = performance.now() + o.timeoutMs;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < deadline) {
        const token = o.tokens[next++ % o.tokens.length]!;
        const answer = await request("POST", `/api/v1/events/${o.eventId}/bookings`, { quantity: 1 }, { authorization: `Bearer ${token}`, "idempotency-key": randomUUID() });
        answers.push(answer);
        if (answer.status === 409) return;
        if (answer.status !== 201) throw new Error(`unexpected booking answer ${answer.status}`);
      }
    }),
  );
  const sold = answers.filter((a) => a.status === 201);
  const seconds = (Math.max(...sold.map((a) => a.at)) - started) / 1000;
  const ms = sold.map((a) => a.ms);
  return { sold: sold.length, count: answers.length, seatsPerSecond: sold.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** The Postgres floor: the bare one-statement conditional seat update on one hot row. */
export async function postgresFloor(url: string, o: { eventId: string; total: number; connections: number }) {
  const sql = postgres(url, { max: o.connections, onnotice: () => {} });
  const update = () => sql`update bookings.event_inventory set sold = sold + 1 where event_id = ${o.eventId} and sold + held + 1 <= capacity returning sold`;
  await Promise.all(Array.from({ length: o.connections }, () => update()));
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (issued++ < o.total) {
        const t = performance.now();
        await update();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await sql.end();
  return { ups: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const TICK_MS = 1000 / 100;

/** CPU time (user + system, ms) of the processes whose command line matches, and all their descendants. */
export function cpuMsOf(match: (pid: number, cmdline: string) => boolean): number {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    const pid = Number(entry);
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      if (match(pid, readFileSync(`/proc/${pid}/cmdline`, "utf8"))) roots.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  const seen = new Set<number>();
  for (const stack = [...roots]; stack.length > 0; ) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return [...seen].reduce((sum, pid) => sum + (ticks.get(pid) ?? 0), 0) * TICK_MS;
}

/** Requests from `concurrency` workers until `done()` says stop: req/s and latency. */
export async function hammerUntil(done: () => boolean, concurrency: number, send: () => Promise<Answer>) {
  const answers: Answer[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!done()) answers.push(await send());
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const ms = answers.map((a) => a.ms);
  return { count: answers.length, rps: answers.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99), ok: answers.every((a) => a.status === 200) };
}

/**
 * The same flash sale through `POST /api/v1/orders`: each request orders one ticket of the next
 * type in turn; a type answered SOLD_OUT is skipped from then on, and a client stops once every
 * type is sold out (the event's capacity caps their sum).
 */
export async function orderSale(request: Request, o: { eventId: string; typeIds: string[]; tokens: string[]; concurrency: number; timeoutMs: number }) {
  const answers: Answer[] = [];
  const soldOut = new Set<string>();
  const deadline = performance.now() + o.timeoutMs;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < deadline && soldOut.size < o.typeIds.length) {
        const n = next++;
        const token = o.tokens[n % o.tokens.length]!;
        const open = o.typeIds.filter((t) => !soldOut.has(t));
        const typeId = open[n % open.length]!;
        const body = { eventId: o.eventId, items: [{ ticketTypeId: typeId, quantity: 1 }] };
        const answer = await request("POST", "/api/v1/orders", body, { authorization: `Bearer ${token}`, "idempotency-key": randomUUID() });
        answers.push(answer);
        if (answer.status === 409) soldOut.add(typeId);
        else if (answer.status !== 201) throw new Error(`unexpected order answer ${answer.status}`);
      }
    }),
  );
  const sold = answers.filter((a) => a.status === 201);
  const seconds = (Math.max(...sold.map((a) => a.at)) - started) / 1000;
  const ms = sold.map((a) => a.ms);
  return { sold: sold.length, count: answers.length, seatsPerSecond: sold.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
