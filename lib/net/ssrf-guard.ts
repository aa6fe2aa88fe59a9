import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The one guard between a URL someone typed and a connection this server makes for them
 * (webhook deliveries). In production a URL must be https and every address its host resolves
 * to must be public: an attacker who may choose the URL must not reach the database, the
 * metadata service or anything else behind the firewall. The caller connects to the address
 * this check returns (never resolving again), so a DNS answer that changes between the check
 * and the connection (rebinding) gains nothing.
 */
export type AddressPolicy = { httpsOnly: boolean; publicOnly: boolean };

/** Production refuses; development and tests, or WEBHOOK_ALLOW_PRIVATE=true, let local receivers through. */
export function webhookAddressPolicy(): AddressPolicy {
  const strict = env.NODE_ENV === "production" && !env.WEBHOOK_ALLOW_PRIVATE;
  return { httpsOnly: strict, publicOnly: strict };
}

export class UnsafeUrl extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnsafeUrl";
  }
}

/** `address` is where to connect; null when the policy restricts nothing, so the host is resolved as usual. */
export type CheckedUrl = { url: URL; address: string | null; family: 4 | 6 };

const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const) {
  refused.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the old IPv4-compatible form
  ["64:ff9b::", 96], // NAT64: reaches any IPv4 address
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23], // protocol assignments, Teredo among them
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4: carries an IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8], // multicast
] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

/**
 * `::ffff:127.0.0.1` (or `::ffff:7f00:1`) connects to an IPv4 address through an IPv6 socket:
 * refused whatever the address inside, since a public service has a plain address of its own.
 */
function isIpv4Mapped(address: string): boolean {
  return /^(?:0{0,4}:){0,5}:?ffff:/i.test(address) && isIP(address) === 6;
}

/** Whether a connection to this literal address could reach something private. */
export function isPrivateAddress(address: string): boolean {
  if (isIpv4Mapped(address)) return true;
  const family = isIP(address);
  if (family === 4) return refused.check(address, "ipv4");
  if (family === 6) return refused.check(address, "ipv6");
  return true;
}

function parseUrl(raw: string | URL): URL {
  try {
    return new URL(raw);
  } catch {
    throw new UnsafeUrl("is not a valid URL");
  }
}

/**
 * Checks the URL and resolves its host (every address, IPv4 and IPv6): throws UnsafeUrl when the
 * policy refuses it, returns the address to connect to otherwise. Call it again right before
 * each connection, since DNS answers change.
 */
export async function checkUrl(raw: string | URL, policy: AddressPolicy = webhookAddressPolicy()): Promise<CheckedUrl> {
  const url = parseUrl(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UnsafeUrl("must start with https://");
  if (policy.httpsOnly && url.protocol !== "https:") throw new UnsafeUrl("must start with https://");
  if (url.username || url.password) throw new UnsafeUrl("must not carry a user name or password");
  if (!policy.publicOnly) return { url, address: null, family: 4 };
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let answers: { address: string; family: number }[];
  try {
    answers = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new UnsafeUrl("names a host that does not resolve");
  }
  if (answers.length === 0) throw new UnsafeUrl("names a host that does not resolve");
  if (answers.some((a) => isPrivateAddress(a.address))) {
    throw new UnsafeUrl("points to a private, loopback or link-local address");
  }
  const [first] = answers;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
