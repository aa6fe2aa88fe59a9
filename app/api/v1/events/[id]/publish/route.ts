import { publishEventRoute } from "@/app/api/v1/_contracts/events";
import { publishEvent } from "@/lib/domain/events";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(publishEventRoute, async ({ ctx, params }) => json(await publishEvent({ ctx, input: { id: params.id } })));
