import http from "node:http";

/** Written by this process on every incoming request; a value a client sent is overwritten. */
export const PEER_ADDRESS_HEADER = "x-evently-peer-address";

const STAMPED = Symbol.for("evently.peer-address.stamped");

/**
 * Next gives route handlers and server actions no way to read the socket's address, and `next
 * start` keeps a client's own X-Forwarded-For. With no proxy in front (TRUSTED_PROXY_HOPS=0) the
 * peer is the client, so each request is stamped with it before Next sees the request: per-IP
 * rate limits and the session list then tell clients apart without trusting anything they send.
 */
export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [STAMPED]?: true };
  if (proto[STAMPED]) return;
  proto[STAMPED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
