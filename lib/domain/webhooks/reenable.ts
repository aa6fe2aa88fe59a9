import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { endpoints, type EndpointRow } from "./schema";

/** A disabled endpoint its managers send to again is on again, with a fresh three days of patience. */
export async function reenable(tx: Tx, endpoint: EndpointRow): Promise<void> {
  if (endpoint.enabled) return;
  await tx.update(endpoints).set({ enabled: true, failingSince: null, disabledAt: null }).where(eq(endpoints.id, endpoint.id));
}
