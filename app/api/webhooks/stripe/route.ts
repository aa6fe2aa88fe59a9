import { handlePaymentNotification } from "@/lib/checkout";
import { apiMethods } from "@/lib/http/api-methods";
import { MAX_BODY_BYTES, readBoundedBytes } from "@/lib/http/parse-request";
import { json, withApi } from "@/lib/http/with-api";
import { stripeWebhookRoute } from "./contract";

export const dynamic = "force-dynamic";

/** The bytes exactly as sent: Stripe's signature covers them, not a re-serialised parse. */
const post = withApi(stripeWebhookRoute, async ({ req, ctx }) => {
  const rawBody = (await readBoundedBytes(req, MAX_BODY_BYTES)).toString("utf8");
  const { outcome } = await handlePaymentNotification({ ctx, input: { provider: "stripe", rawBody, headers: Object.fromEntries(req.headers) } });
  return json({ received: true, outcome });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
