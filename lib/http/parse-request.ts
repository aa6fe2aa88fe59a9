import type { ZodObject, ZodType } from "zod";
import { BadRequest, Validation } from "@/lib/domain/errors";
import { jsonShapeProblem } from "./json-shape";

/** Requests larger than this are refused before parsing; no route takes more than a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;

export class PayloadTooLarge extends Error {}

/**
 * Reads the body, counting bytes as they arrive: a huge or endless upload is cut off at
 * `maxBytes`, never buffered. Routes that take an upload pass their own, larger limit.
 */
export async function readBoundedBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readBoundedText(req: Request): Promise<string> {
  return (await readBoundedBytes(req, MAX_BODY_BYTES)).toString("utf8");
}

/**
 * Postgres text cannot hold U+0000, so a string carrying one would fail as a 500 deep in a
 * query; it is refused here, at the edge, as the invalid input it is. Bodies reach this walk
 * only within the depth limit of json-shape.ts.
 */
function pathOfNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key];
    const found = pathOfNul(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

function refuseNul(value: unknown): void {
  const path = pathOfNul(value);
  if (path) {
    throw new Validation("VALIDATION_FAILED", "The request has invalid fields.", [
      { path: path.join(".") || "(body)", message: "must not contain NUL (\\u0000) characters" },
    ]);
  }
}

/**
 * Reads the JSON body whatever the declared content type (clients often forget it), so the
 * outcome depends on the bytes: malformed or too deeply nested → 400, valid JSON with bad
 * fields → 422 via zod.
 */
export async function parseJsonBody<T extends ZodType>(req: Request, schema: T): Promise<ReturnType<T["parse"]>> {
  const text = await readBoundedText(req);
  let value: unknown = {};
  if (text.trim() !== "") {
    const shape = jsonShapeProblem(text);
    if (shape) throw new BadRequest("JSON_TOO_COMPLEX", `The request body ${shape}.`);
    try {
      value = JSON.parse(text);
    } catch {
      throw new BadRequest("MALFORMED_JSON", "The request body is not valid JSON.");
    }
  }
  refuseNul(value);
  return schema.parse(value) as ReturnType<T["parse"]>;
}

/** Query strings become plain objects (first value wins) for the route's zod schema to coerce. */
export function parseQuery<T extends ZodObject>(url: URL, schema: T): ReturnType<T["parse"]> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
  refuseNul(raw);
  return schema.parse(raw) as ReturnType<T["parse"]>;
}
