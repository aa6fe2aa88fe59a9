import { outbox } from "./schema";

/**
 * The request id travels with an event as an Inngest session, so Inngest groups a request's
 * runs together and copies the id onto every event those runs send (session propagation).
 */
export const REQUEST_ID_SESSION = "requestId";

export type InngestEventPayload = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  meta?: { sessions?: Record<string, string> };
};

export function toInngestEvent(row: typeof outbox.$inferSelect): InngestEventPayload {
  return {
    id: row.id,
    name: row.name,
    data: row.data,
    ts: row.occurredAt.getTime(),
    meta: { sessions: { [REQUEST_ID_SESSION]: row.requestId } },
  };
}

export function requestIdOfEvent(event: { meta?: { sessions?: Record<string, unknown> | null } }): string | undefined {
  const id = event.meta?.sessions?.[REQUEST_ID_SESSION];
  return typeof id === "string" && id ? id : undefined;
}
