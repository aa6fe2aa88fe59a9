import { adminSecurityEventsRoute } from "@/app/api/v1/_contracts/auth";
import { listSecurityEvents } from "@/lib/domain/auth";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(adminSecurityEventsRoute, async ({ ctx, query }) => json(await listSecurityEvents({ ctx, input: query })));
