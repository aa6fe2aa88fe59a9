import { getImageFileRoute } from "@/app/api/v1/_contracts/media";
import { readImageFile } from "@/lib/domain/media";
import { apiMethods } from "@/lib/http/api-methods";
import { problemResponse } from "@/lib/http/problem";
import { withApi } from "@/lib/http/with-api";

/** A file's key never names other bytes (a new upload gets a new id), so it is its own strong validator. */
const etagOf = (key: string) => `"${key.replace("/", "-")}"`;

const get = withApi(getImageFileRoute, async ({ req, ctx, params }) => {
  const file = await readImageFile({ ctx, input: { id: params.id, name: params.file } });
  if (!file) return problemResponse(404, "IMAGE_NOT_FOUND", "This image does not exist.");
  const etag = etagOf(file.key);
  const headers = { etag, "cache-control": "public, max-age=31536000, immutable" };
  if (req.headers.get("if-none-match")?.split(/\s*,\s*/).some((tag) => tag === etag || tag === `W/${etag}` || tag === "*")) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...headers, "content-type": file.contentType, "content-length": String(file.bytes.byteLength) },
  });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
