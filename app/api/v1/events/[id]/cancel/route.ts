import { cancelEventRoute } from "@/app/api/v1/_contracts/events";
import { cancelEvent } from "@/lib/domain/events";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(cancelEventRoute, async ({ ctx, params }) => json(await cancelEvent({ ctx, input: { id: params.id } })));
