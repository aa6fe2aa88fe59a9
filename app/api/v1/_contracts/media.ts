import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

export const getImageFileRoute = defineRoute({
  method: "GET",
  path: "/api/v1/media/{id}/{file}",
  operationId: "getImageFile",
  tokenScope: null,
  summary: "One resized image file, as linked from an event's coverImage (immutable, cached for a year)",
  tags: ["media"],
  auth: "none",
  params: z.object({ id: z.string(), file: z.string().describe("`<width>.<format>`, e.g. 960.avif; formats avif, webp, jpeg") }),
  responses: {
    200: { description: "The image; ETag and `Cache-Control: public, max-age=31536000, immutable`", schema: z.string().meta({ format: "binary" }), contentType: "image/*" },
    304: { description: "Not modified (If-None-Match)" },
  },
  errors: { 404: ["NOT_FOUND"] },
});
