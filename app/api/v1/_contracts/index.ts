import type { RouteContract } from "@/lib/http/contract";
import * as ops from "./ops";
import * as auth from "./auth";
import * as analytics from "./analytics";
import * as events from "./events";
import * as bookings from "./bookings";
import * as orders from "./orders";
import * as waitlist from "./waitlist";
import * as ticketTypes from "./ticket-types";
import * as media from "./media";
import * as tokens from "./tokens";
import * as organizationTokens from "./organization-tokens";
import * as webhooks from "./webhooks";
import * as checkIns from "./check-ins";

/** A contract module also exports the shapes its routes share. */
const isRoute = (value: unknown) => typeof value === "object" && value !== null && "method" in value && "path" in value;

const METHOD_ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every public route's contract; the OpenAPI document is generated from this list. Sorted by
 * path and method: a module namespace lists its exports alphabetically under ESM but in
 * declaration order once compiled to CommonJS, and the document (and the client types generated
 * from it) must come out the same under Next, Vitest and tsx.
 */
export const allContracts: RouteContract[] = ([...Object.values(ops), ...Object.values(auth), ...Object.values(analytics), ...Object.values(events), ...Object.values(bookings), ...Object.values(orders), ...Object.values(waitlist), ...Object.values(ticketTypes).filter(isRoute), ...Object.values(media), ...Object.values(tokens), ...Object.values(organizationTokens), ...Object.values(webhooks), ...Object.values(checkIns).filter(isRoute)] as RouteContract[]).sort(
  (a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
);
