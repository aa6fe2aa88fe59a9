import { z } from "zod";

/** What an API token may be allowed to do (API.md, Integrations); a route names the one it needs. */
export const API_SCOPES = ["events:read", "events:write", "orders:read", "orders:write", "checkin:write", "analytics:read"] as const;

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
};
