import type { RouteContract } from "@/lib/http/contract";
import * as ops from "./ops";

/** Every public route's contract; the OpenAPI document is generated from this list. */
export const allContracts: RouteContract[] = [...Object.values(ops)] as RouteContract[];
