import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";

// `.openapi(name)` needs zod's prototype patched first; the patch is global and idempotent.
extendZodWithOpenApi(z);

/**
 * Marks a schema as a named resource of the API (Event, Booking, …): the OpenAPI document
 * then holds it once under components/schemas and every use refers to it, so a generated
 * client gets one `Event` type instead of six inline copies.
 */
export function component<T extends ZodType>(name: string, schema: T): T {
  return schema.openapi(name) as T;
}
