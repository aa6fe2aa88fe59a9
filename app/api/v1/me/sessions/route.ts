import { mySessionsRoute } from "@/app/api/v1/_contracts/auth";
import { listSessions } from "@/lib/domain/auth";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(mySessionsRoute, async ({ ctx }) => json(await listSessions({ ctx }), 200, { "cache-control": "no-store" }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
