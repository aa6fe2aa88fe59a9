import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import Stripe from "stripe";

/**
 * A local stand-in for the few Stripe API endpoints Evently calls (Stripe cannot be reached from
 * test machines), shaped after Stripe's API reference: form-encoded requests, JSON objects with
 * `id`/`object`, idempotency keys whose replay answers the first result with
 * `Idempotent-Replayed: true` and whose reuse with other parameters is a 400
 * `idempotency_error`. It counts requests per idempotency key, can hold back answers (a
 * timeout) after doing the work, and makes the signed events Stripe would send. Tests only.
 */
export type StandInSession = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  url: string | null;
  created: number;
};

type Stored = { params: string; status: number; body: unknown };

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

export async function startStripeStandIn(webhookSecret: string) {
  const sessions = new Map<string, StandInSession>();
  const refunds: { id: string; payment_intent: string; amount: number; currency: string }[] = [];
  const intents = new Map<string, { amount: number; currency: string; metadata: Record<string, string> }>();
  const requestsByKey = new Map<string, number>();
  const stored = new Map<string, Stored>();
  const requests: { method: string; path: string; params: URLSearchParams; idempotencyKey: string | null }[] = [];
  /** Answers held back per path: the work is done, the caller never hears of it (it times out). */
  const unanswered = new Map<string, number>();
  const sockets = new Set<Socket>();

  function create(path: string, params: URLSearchParams): { status: number; body: unknown } {
    if (path === "/v1/checkout/sessions") {
      const metadata = nested(params, "metadata");
      const session: StandInSession = {
        id: id("cs"),
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: Number(params.get("line_items[0][price_data][unit_amount]")) * Number(params.get("line_items[0][quantity]") ?? "1"),
        currency: params.get("line_items[0][price_data][currency]")!,
        client_reference_id: params.get("client_reference_id"),
        metadata,
        payment_intent: null,
        expires_at: Number(params.get("expires_at")),
        success_url: params.get("success_url")!,
        cancel_url: params.get("cancel_url")!,
        url: null,
        created: now(),
      };
      session.url = `https://checkout.stripe.com/c/pay/${session.id}`;
      sessions.set(session.id, session);
      // What Checkout puts on the PaymentIntent it makes once the buyer pays.
      intents.set(`pending:${session.id}`, { amount: session.amount_total, currency: session.currency, metadata: nested(params, "payment_intent_data[metadata]") });
      return { status: 200, body: session };
    }
    if (path === "/v1/refunds") {
      const paymentIntent = params.get("payment_intent")!;
      const intent = intents.get(paymentIntent);
      if (!intent) return { status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", param: "payment_intent", message: `No such payment_intent: '${paymentIntent}'` } } };
      const refund = { id: id("re"), payment_intent: paymentIntent, amount: Number(params.get("amount") ?? intent.amount), currency: intent.currency };
      refunds.push(refund);
      return { status: 200, body: { ...refund, object: "refund", status: "succeeded", metadata: nested(params, "metadata"), created: now(), charge: `ch_for_${paymentIntent}` } };
    }
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (POST: ${path}).` } } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url!, "http://stand-in").pathname;
    const params = new URLSearchParams(raw);
    const key = req.headers["idempotency-key"] as string | undefined;
    requests.push({ method: req.method!, path, params, idempotencyKey: key ?? null });
    if (req.headers.authorization !== `Bearer ${STAND_IN_KEY}`) {
      return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
    }
    let answer: { status: number; body: unknown; replayed?: boolean };
    if (key) {
      requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
      const first = stored.get(key);
      if (first && first.params !== raw) {
        answer = { status: 400, body: { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` } } };
      } else if (first) {
        answer = { ...first, replayed: true };
      } else {
        answer = create(path, params);
        stored.set(key, { params: raw, ...answer });
      }
    } else {
      answer = create(path, params);
    }
    const held = unanswered.get(path) ?? 0;
    if (held > 0) {
      unanswered.set(path, held - 1);
      return; // The socket stays open until the client gives up.
    }
    send(res, answer.status, answer.body, answer.replayed ? { "idempotent-replayed": "true" } : {});
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function signed(type: string, object: unknown): { rawBody: string; headers: Record<string, string>; eventId: string } {
    const event = { id: id("evt"), object: "event", api_version: Stripe.API_VERSION, created: now(), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
    const rawBody = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: webhookSecret });
    return { rawBody, headers: { "content-type": "application/json", "stripe-signature": signature }, eventId: event.id };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    /** Signs a body as Stripe would, for a test that builds its own event. */
    signPayload(rawBody: string) {
      return { headers: { "content-type": "application/json", "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: webhookSecret }) } };
    },
    sessions,
    refunds,
    requests,
    /** Requests that carried this idempotency key (first call and every retry). */
    requestsWithKey: (key: string) => requestsByKey.get(key) ?? 0,
    /** The next `count` calls to `path` do their work but are never answered. */
    holdAnswers(path: string, count: number) {
      unanswered.set(path, count);
    },
    sessionOf(orderId: string): StandInSession {
      const session = [...sessions.values()].find((s) => s.client_reference_id === orderId);
      if (!session) throw new Error(`no checkout session for order ${orderId}`);
      return session;
    },
    /** The buyer pays on Stripe's page: `checkout.session.completed`, signed. */
    pay(sessionId: string) {
      const session = sessions.get(sessionId)!;
      const pending = intents.get(`pending:${session.id}`)!;
      session.payment_intent ??= id("pi");
      intents.set(session.payment_intent, pending);
      Object.assign(session, { status: "complete", payment_status: "paid" });
      return signed("checkout.session.completed", session);
    },
    /** Stripe closes the session unpaid at `expires_at`: `checkout.session.expired`, signed. */
    expire(sessionId: string) {
      const session = sessions.get(sessionId)!;
      return signed("checkout.session.expired", { ...session, status: "expired", payment_status: "unpaid", url: null });
    },
    /** A declined card on Stripe's page: `payment_intent.payment_failed`, signed. */
    decline(sessionId: string) {
      const session = sessions.get(sessionId)!;
      const pending = intents.get(`pending:${session.id}`)!;
      session.payment_intent ??= id("pi");
      intents.set(session.payment_intent, pending);
      return signed("payment_intent.payment_failed", {
        id: session.payment_intent,
        object: "payment_intent",
        amount: pending.amount,
        currency: pending.currency,
        metadata: pending.metadata,
        status: "requires_payment_method",
        last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
      });
    },
    /** `charge.refunded` for a payment, with what has gone back of it so far. */
    refunded(paymentIntent: string, amountRefunded: number) {
      const intent = intents.get(paymentIntent)!;
      return signed("charge.refunded", {
        id: `ch_for_${paymentIntent}`,
        object: "charge",
        amount: intent.amount,
        amount_refunded: amountRefunded,
        currency: intent.currency,
        payment_intent: paymentIntent,
        refunded: amountRefunded >= intent.amount,
        metadata: {},
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;

/** The API key the stand-in accepts; any well-formed `sk_test_` key would do for the SDK. */
export const STAND_IN_KEY = "sk_test_standin";
export const STAND_IN_WEBHOOK_SECRET = "whsec_standin";

function nested(params: URLSearchParams, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith(`${prefix}[`) && k.endsWith("]") && !k.slice(prefix.length + 1, -1).includes("[")) out[k.slice(prefix.length + 1, -1)] = v;
  return out;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(8).toString("hex")}`, ...headers });
  res.end(JSON.stringify(body));
}
