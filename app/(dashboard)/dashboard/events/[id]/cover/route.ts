import type { Ctx } from "@/lib/domain/context";
import { removeEventCover, setEventCover } from "@/lib/domain/events";
import { MAX_IMAGE_BYTES } from "@/lib/domain/media";
import { readBoundedBytes, PayloadTooLarge } from "@/lib/http/parse-request";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { currentCtx } from "@/lib/web/current-actor";

type Params = { params: Promise<{ id: string }> };

/**
 * The event form's cover upload, with the session cookie (the JSON API wants a bearer token).
 * The body is the file itself, as with PUT /api/v1/events/{id}/cover; the answer is the new
 * `coverImage`. A page on another site cannot send this: PUT and DELETE from another origin
 * need a CORS preflight nothing here grants, and a browser's fetch says where it comes from.
 */
async function change(req: Request, { params }: Params, work: (ctx: Ctx, id: string) => Promise<{ coverImage: unknown }>): Promise<Response> {
  const ctx = await currentCtx();
  try {
    if (!["same-origin", null].includes(req.headers.get("sec-fetch-site"))) {
      return problemResponse(403, "CROSS_ORIGIN_REQUEST", "Change the cover from the event's own page.");
    }
    if (ctx.actor.type !== "user") return problemResponse(401, "UNAUTHENTICATED", "Sign in to change the cover.");
    const event = await work(ctx, (await params).id);
    return Response.json({ coverImage: event.coverImage }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof PayloadTooLarge) return problemResponse(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
    return toProblem(error, ctx.log);
  }
}

export async function PUT(req: Request, context: Params): Promise<Response> {
  return change(req, context, async (ctx, id) => setEventCover({ ctx, input: { id, bytes: await readBoundedBytes(req, MAX_IMAGE_BYTES) } }));
}

export async function DELETE(req: Request, context: Params): Promise<Response> {
  return change(req, context, (ctx, id) => removeEventCover({ ctx, input: { id } }));
}
