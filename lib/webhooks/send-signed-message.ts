import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { pinnedLookup } from "@/lib/net/pinned-lookup";
import { checkUrl, UnsafeUrl, type CheckedUrl } from "@/lib/net/ssrf-guard";

/** A receiver gets this long to answer; then the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** What is kept of a receiver's answer: enough to tell a status, nothing to store. */
const MAX_RESPONSE_BYTES = 4_096;

export type SendOutcome = { succeeded: boolean; responseStatus: number | null; error: string | null; durationMs: number };

export type SignedMessage = { url: string; secret: string; messageId: string; body: string; sentAt: Date; timeoutMs?: number };

function post(checked: CheckedUrl, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const client = checked.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      checked.url,
      { method: "POST", headers, lookup: checked.address ? pinnedLookup(checked.address, checked.family) : undefined, agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on("close", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * POSTs one message signed by the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`). The URL passes the SSRF guard again first (DNS may have changed since
 * the endpoint was created) and the connection goes to the address it checked. Redirects are
 * not followed: a 3xx is a failed attempt, so a receiver cannot bounce us to an inner address.
 * Only a 2xx succeeds. Never throws: every way of failing is an outcome to log.
 */
export async function sendSignedMessage(message: SignedMessage): Promise<SendOutcome> {
  const timeoutMs = message.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let checked: CheckedUrl;
  try {
    checked = await checkUrl(message.url);
  } catch (error) {
    const reason = error instanceof UnsafeUrl ? `Refused: the URL ${error.reason}` : "Refused: the URL could not be checked";
    return { succeeded: false, responseStatus: null, error: reason, durationMs: elapsed() };
  }
  const signature = new Webhook(message.secret).sign(message.messageId, message.sentAt, message.body);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Evently-Webhooks/1",
    "webhook-id": message.messageId,
    "webhook-timestamp": String(Math.floor(message.sentAt.getTime() / 1000)),
    "webhook-signature": signature,
  };
  try {
    const status = await post(checked, headers, message.body, timeoutMs);
    const succeeded = status >= 200 && status < 300;
    return { succeeded, responseStatus: status, error: succeeded ? null : `The receiver answered ${status}`, durationMs: elapsed() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
    const reason = timedOut ? `No answer within ${timeoutMs / 1000} seconds` : `Could not connect (${(error as NodeJS.ErrnoException).code ?? "network error"})`;
    return { succeeded: false, responseStatus: null, error: reason, durationMs: elapsed() };
  }
}
