import { listMyWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { listMyWaitlist } from "@/lib/domain/bookings";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(listMyWaitlistRoute, async ({ ctx, query }) => json(await listMyWaitlist({ ctx, input: query })));
