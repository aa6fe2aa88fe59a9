import { topEventsRoute } from "@/app/api/v1/_contracts/analytics";
import { getTopEvents } from "@/lib/domain/analytics";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(topEventsRoute, async ({ ctx, query }) => json({ data: await getTopEvents({ ctx, input: query }) }));
