import { removeEventCoverRoute, setEventCoverRoute } from "@/app/api/v1/_contracts/events";
import { removeEventCover, setEventCover } from "@/lib/domain/events";
import { MAX_IMAGE_BYTES } from "@/lib/domain/media";
import { apiMethods } from "@/lib/http/api-methods";
import { readBoundedBytes } from "@/lib/http/parse-request";
import { json, withApi } from "@/lib/http/with-api";

// The one route whose body is larger than the API's 64 KB: it is read here, bounded by the image limit.
const put = withApi(setEventCoverRoute, async ({ req, ctx, params }) => {
  const bytes = await readBoundedBytes(req, MAX_IMAGE_BYTES);
  return json(await setEventCover({ ctx, input: { id: params.id, bytes } }));
});

const remove = withApi(removeEventCoverRoute, async ({ ctx, params }) => json(await removeEventCover({ ctx, input: { id: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ PUT: put, DELETE: remove });
