import { getOrderRoute } from "@/app/api/v1/_contracts/orders";
import { getOrder } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(getOrderRoute, async ({ ctx, params }) => json(await getOrder({ ctx, input: { orderId: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
