import { topEventsRoute } from "@/app/api/v1/_contracts/analytics";
import { getTopEvents } from "@/lib/domain/analytics";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(topEventsRoute, async ({ ctx, query }) => json({ data: await getTopEvents({ ctx, input: query }) }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
