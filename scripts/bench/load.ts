import http from "node:http";
import { randomUUID } from "node:crypto";

/**
 * A closed-loop load generator: `concurrency` virtual users, each sending its next request as
 * soon as the last one answered, for `durationMs`. node:http with keep-alive rather than fetch:
 * on a 2-core box the generator shares the CPU with the server, so it must stay cheap.
 */

export type VirtualUser = { token: string; bookings: string[] };

type Answer = { status: number; body: string };

export type RouteStats = { latenciesMs: number[]; statuses: Map<number, number>; errors: number };

export class Recorder {
  readonly routes = new Map<string, RouteStats>();

  record(route: string, ms: number, status: number | "network"): void {
    let stats = this.routes.get(route);
    if (!stats) this.routes.set(route, (stats = { latenciesMs: [], statuses: new Map(), errors: 0 }));
    stats.latenciesMs.push(ms);
    if (status === "network" || status >= 500) stats.errors++;
    if (status !== "network") stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
  }
}

export function createClient(baseUrl: string, concurrency: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

  return function request(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...options.headers,
          },
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(payload);
    });
  };
}

export type Request = ReturnType<typeof createClient>;

type Scenario = { route: string; weight: number; run: (request: Request, vu: VirtualUser) => Promise<Answer> };

/** browse, search, event detail, book, cancel: roughly the read/write mix of a ticket sale. */
export function scenarios(data: { eventIds: string[]; words: string[] }): Scenario[] {
  const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const book: Scenario["run"] = async (request, vu) => {
    const answer = await request("POST", `/api/v1/events/${any(data.eventIds)}/bookings`, {
      token: vu.token,
      body: { quantity: 1 },
      headers: { "idempotency-key": randomUUID() },
    });
    if (answer.status === 201) vu.bookings.push((JSON.parse(answer.body) as { id: string }).id);
    return answer;
  };
  return [
    { route: "GET /api/v1/events", weight: 30, run: (request) => request("GET", "/api/v1/events?limit=20") },
    { route: "GET /api/v1/events?q=", weight: 15, run: (request) => request("GET", `/api/v1/events?q=${any(data.words)}`) },
    { route: "GET /api/v1/events/{id}", weight: 30, run: (request) => request("GET", `/api/v1/events/${any(data.eventIds)}`) },
    { route: "POST /api/v1/events/{id}/bookings", weight: 18, run: book },
    {
      route: "POST /api/v1/bookings/{id}/cancel",
      weight: 7,
      run: async (request, vu) => {
        const id = vu.bookings.shift();
        if (!id) return { status: 0, body: "" };
        return request("POST", `/api/v1/bookings/${id}/cancel`, { token: vu.token });
      },
    },
  ];
}

function picker(list: Scenario[]): () => Scenario {
  const total = list.reduce((sum, s) => sum + s.weight, 0);
  return () => {
    let roll = Math.random() * total;
    for (const s of list) if ((roll -= s.weight) < 0) return s;
    return list[0]!;
  };
}

export async function runLoad(options: {
  request: Request;
  users: VirtualUser[];
  scenarios: Scenario[];
  durationMs: number;
}): Promise<{ recorder: Recorder; elapsedMs: number }> {
  const recorder = new Recorder();
  const pick = picker(options.scenarios);
  const started = performance.now();
  const until = started + options.durationMs;
  await Promise.all(
    options.users.map(async (vu) => {
      while (performance.now() < until) {
        const scenario = pick();
        const t0 = performance.now();
        try {
          const answer = await scenario.run(options.request, vu);
          if (answer.status !== 0) recorder.record(scenario.route, performance.now() - t0, answer.status);
        } catch {
          recorder.record(scenario.route, performance.now() - t0, "network");
        }
      }
    }),
  );
  return { recorder, elapsedMs: performance.now() - started };
}
