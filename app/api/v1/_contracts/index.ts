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

/** A contract module also exports the shapes its routes share. */
const isRoute = (value: unknown) => typeof value === "object" && value !== null && "method" in value && "path" in value;

/** Every public route's contract; the OpenAPI document is generated from this list. */
export const allContracts: RouteContract[] = [...Object.values(ops), ...Object.values(auth), ...Object.values(analytics), ...Object.values(events), ...Object.values(bookings), ...Object.values(orders), ...Object.values(waitlist), ...Object.values(ticketTypes).filter(isRoute), ...Object.values(media)] as RouteContract[];
