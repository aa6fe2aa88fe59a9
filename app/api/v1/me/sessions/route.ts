import { mySessionsRoute } from "@/app/api/v1/_contracts/auth";
import { listSessions } from "@/lib/domain/auth";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(mySessionsRoute, async ({ ctx }) => json(await listSessions({ ctx }), 200, { "cache-control": "no-store" }));
