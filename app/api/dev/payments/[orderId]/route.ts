import { payTestOrder } from "@/lib/checkout";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";
import { devPayOrderRoute } from "./contract";

export const dynamic = "force-dynamic";

/** 404 unless the test provider is configured (payTestOrder checks), like the provider being absent. */
const post = withApi(devPayOrderRoute, async ({ ctx, params, body }) =>
  json(await payTestOrder({ ctx, input: { orderId: params.orderId, outcome: body.outcome } })),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
