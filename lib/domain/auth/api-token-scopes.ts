import { z } from "zod";

/**
 * What an API token may be allowed to do (API.md, Integrations); a route names the one it needs.
 * `webhooks:write` extends API.md's list so an integration can register its own endpoint.
 */
export const API_SCOPES = ["events:read", "events:write", "orders:read", "orders:write", "checkin:write", "analytics:read", "webhooks:write"] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const apiScopeSchema = z.enum(API_SCOPES);

/** Plain words for the account page. */
export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "events:read": "See events, drafts included",
  "events:write": "Create, edit, publish and cancel events",
  "orders:read": "See bookings, orders and waitlists",
  "orders:write": "Book, cancel bookings and manage waitlists",
  "checkin:write": "Check tickets in at the door",
  "analytics:read": "See sales figures",
  "webhooks:write": "Add, see, test and delete webhooks and redeliver their messages",
};
