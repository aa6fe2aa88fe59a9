import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import { percentile } from "../bench-booking/load";

/** The doors of scripts/bench-checkin.ts: who scans which codes, and what each scan answered. */

export type Outcome = "admitted" | string;
export type Scan = { outcome: Outcome; ms: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A well-formed code no ticket has (100 random bits, as real codes). */
function unknownCode(): string {
  return [...randomBytes(20)].map((b) => CROCKFORD[b & 31]).join("");
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/**
 * Each scanner's queue: its share of the valid tickets, plus a share of second scans of tickets
 * another door has (ALREADY_CHECKED_IN, whichever door comes first), unknown codes
 * (TICKET_NOT_FOUND) and cancelled orders' tickets (TICKET_NOT_VALID), in random order.
 */
export function planScans(o: { validCodes: string[]; cancelledCodes: string[]; scanners: number; duplicateShare: number; unknownShare: number }) {
  const queues: string[][] = Array.from({ length: o.scanners }, () => []);
  const valid = shuffle([...o.validCodes]);
  valid.forEach((code, i) => queues[i % o.scanners]!.push(code));
  const duplicates = Math.round(valid.length * o.duplicateShare);
  for (let d = 0; d < duplicates; d++) {
    // Valid ticket i is queued at door i % scanners; its second scan goes to another door.
    const i = randomInt(valid.length);
    const door = o.scanners > 1 ? (i + 1 + randomInt(o.scanners - 1)) % o.scanners : 0;
    queues[door]!.push(valid[i]!);
  }
  const unknown = Math.round(valid.length * o.unknownShare);
  for (let u = 0; u < unknown; u++) queues[u % o.scanners]!.push(unknownCode());
  o.cancelledCodes.forEach((code, i) => queues[i % o.scanners]!.push(code));
  const expected: Record<Outcome, number> = { admitted: valid.length, ALREADY_CHECKED_IN: duplicates, TICKET_NOT_FOUND: unknown, TICKET_NOT_VALID: o.cancelledCodes.length };
  return { queues: queues.map(shuffle), expected };
}

/** POSTs scans over keep-alive connections and classifies each answer by status and problem code. */
export function scanner(baseUrl: string, eventId: string, connections: number) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const path = `/api/v1/events/${eventId}/check-ins`;
  return (token: string, ticketCode: string): Promise<Scan> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify({ ticketCode });
      const started = performance.now();
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(payload) };
      const req = http.request({ hostname, port, path, method: "POST", agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - started;
          const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { code?: string };
          resolve({ outcome: res.statusCode === 200 ? "admitted" : `${body.code ?? res.statusCode}`, ms });
        });
      });
      req.on("error", reject);
      req.end(payload);
    });
}

/**
 * Every door works through its queue, one scan at a time, all doors at once. With `paceMs`, a
 * door starts its next scan no sooner than `paceMs` after its last one started, as staff do who
 * wait for the next person: latency at a door's real rhythm, not under a closed loop's queueing.
 */
export async function runDoors(queues: string[][], tokens: string[], scan: ReturnType<typeof scanner>, paceMs = 0) {
  const scans: Scan[] = [];
  const started = performance.now();
  await Promise.all(
    queues.map(async (queue, door) => {
      // Doors open spread over one pace, not all in the same millisecond.
      if (paceMs > 0) await sleep((door / queues.length) * paceMs);
      for (const code of queue) {
        const begun = performance.now();
        scans.push(await scan(tokens[door]!, code));
        const rest = paceMs - (performance.now() - begun);
        if (rest > 0) await sleep(rest);
      }
    }),
  );
  return { scans, seconds: (performance.now() - started) / 1000 };
}

/** p50/p95/p99/max per outcome (and over all scans), in ms. */
export function latencyByOutcome(scans: Scan[]) {
  const groups = new Map<string, number[]>([["all", scans.map((s) => s.ms)]]);
  for (const s of scans) {
    if (!groups.has(s.outcome)) groups.set(s.outcome, []);
    groups.get(s.outcome)!.push(s.ms);
  }
  return [...groups].map(([outcome, ms]) => ({
    outcome,
    count: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
  }));
}
