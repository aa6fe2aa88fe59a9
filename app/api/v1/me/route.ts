import { meRoute } from "@/app/api/v1/_contracts/auth";
import { getCurrentUser } from "@/lib/domain/auth";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(meRoute, async ({ ctx }) => json(await getCurrentUser({ ctx })));
