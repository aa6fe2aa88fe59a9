import { undoCheckInRoute } from "@/app/api/v1/_contracts/check-ins";
import { undoCheckIn } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const del = withApi(undoCheckInRoute, async ({ ctx, params }) => {
  await undoCheckIn({ ctx, input: { eventId: params.id, ticketCode: params.ticketCode } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ DELETE: del });
