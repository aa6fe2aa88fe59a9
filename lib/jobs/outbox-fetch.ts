import { randomUUID } from "node:crypto";
import { getAsyncCtx } from "inngest/experimental";
import { getDb } from "@/lib/db/client";
import { currentJobScope } from "./job-scope";
import { insertOutboxEvents, uuidFromKey, type OutboxEvent } from "./outbox";
import { REQUEST_ID_SESSION } from "./event-payload";

type SentPayload = {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  ts?: number;
  meta?: { sessions?: Record<string, unknown>; propagated_sessions?: Record<string, unknown> };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isEventApiCall(url: URL, init: RequestInit | undefined): boolean {
  return init?.method === "POST" && /\/e\/[^/]+$/.test(url.pathname);
}

/**
 * An id that is the same when a step is retried after a crash, so the events it sent before
 * dying are not sent twice: derived from the run and the step that is sending.
 */
async function eventId(p: SentPayload, index: number): Promise<string> {
  if (p.id) return UUID.test(p.id) ? p.id.toLowerCase() : uuidFromKey(`event:${p.id}`);
  const execution = (await getAsyncCtx())?.execution;
  const step = execution?.executingStep?.hashedId;
  if (execution && step) return uuidFromKey(`${execution.ctx.runId}:${step}:${index}`);
  return randomUUID();
}

function requestIdOf(p: SentPayload): string {
  const id = p.meta?.sessions?.[REQUEST_ID_SESSION] ?? p.meta?.propagated_sessions?.[REQUEST_ID_SESSION];
  return typeof id === "string" && id ? id : randomUUID();
}

async function toOutboxEvents(body: string): Promise<OutboxEvent[]> {
  const payloads = JSON.parse(body) as SentPayload[];
  return Promise.all(
    payloads.map(async (p, i) => ({
      id: await eventId(p, i),
      name: p.name,
      data: p.data ?? {},
      requestId: requestIdOf(p),
      occurredAt: p.ts ? new Date(p.ts) : undefined,
    })),
  );
}

/**
 * The Inngest client's `fetch`: every `inngest.send` and `step.sendEvent` lands in the outbox
 * (then runs in-process, or is relayed to the Inngest server), so sending is as durable as
 * `emit`. Other API calls go to the server, or fail when there is none.
 */
export function outboxFetch(server: typeof fetch | null): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (isEventApiCall(url, init)) {
      const events = await toOutboxEvents(String(init?.body ?? "[]"));
      await insertOutboxEvents(currentJobScope()?.db ?? getDb(), events);
      return Response.json({ ids: events.map((e) => e.id), status: 200 });
    }
    if (!server) throw new Error(`No Inngest server is configured; refusing to call ${url.pathname}`);
    return server(input, init);
  };
}
