import type { RouteContract } from "@/lib/http/contract";
import * as ops from "./ops";
import * as auth from "./auth";
import * as analytics from "./analytics";
import * as events from "./events";

/** Every public route's contract; the OpenAPI document is generated from this list. */
export const allContracts: RouteContract[] = [...Object.values(ops), ...Object.values(auth), ...Object.values(analytics), ...Object.values(events)] as RouteContract[];
