import type { ZodObject, ZodType } from "zod";
import { BadRequest } from "@/lib/domain/errors";

/** Requests larger than this are refused before parsing; no route takes more than a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;

export class PayloadTooLarge extends Error {}

/**
 * Reads the JSON body whatever the declared content type (clients often forget it), so the
 * outcome depends on the bytes: malformed → 400, valid JSON with bad fields → 422 via zod.
 */
export async function parseJsonBody<T extends ZodType>(req: Request, schema: T): Promise<ReturnType<T["parse"]>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLarge();
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new PayloadTooLarge();
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new BadRequest("MALFORMED_JSON", "The request body is not valid JSON.");
    }
  }
  return schema.parse(value) as ReturnType<T["parse"]>;
}

/** Query strings become plain objects (first value wins) for the route's zod schema to coerce. */
export function parseQuery<T extends ZodObject>(url: URL, schema: T): ReturnType<T["parse"]> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
  return schema.parse(raw) as ReturnType<T["parse"]>;
}
