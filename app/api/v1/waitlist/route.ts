import { listMyWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { listMyWaitlist } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(listMyWaitlistRoute, async ({ ctx, query }) => json(await listMyWaitlist({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
