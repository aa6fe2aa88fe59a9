import { randomInt } from "node:crypto";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = { body?: unknown; token?: string; ip?: string; params?: Record<string, string>; headers?: Record<string, string> };

/** Calls a route module's handler the way Next does, with a JSON body and a client address. */
export async function callRoute(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "vitest", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  return handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(options.params ?? {}) });
}

/** A fresh client address per test, so rate-limit counters never leak between tests. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}
