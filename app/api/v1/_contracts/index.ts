import type { RouteContract } from "@/lib/http/contract";
import * as ops from "./ops";
import * as auth from "./auth";
import * as analytics from "./analytics";
import * as events from "./events";
import * as bookings from "./bookings";
import * as orders from "./orders";
import * as waitlist from "./waitlist";
import * as media from "./media";

/** Every public route's contract; the OpenAPI document is generated from this list. */
export const allContracts: RouteContract[] = [...Object.values(ops), ...Object.values(auth), ...Object.values(analytics), ...Object.values(events), ...Object.values(bookings), ...Object.values(orders), ...Object.values(waitlist), ...Object.values(media)] as RouteContract[];
