import type { LookupFunction } from "node:net";

/**
 * A DNS lookup for node:http/https that answers every name with one address: the one the SSRF
 * guard checked. The host name still goes into the Host header and TLS (SNI and the certificate
 * check), but no second DNS answer can send the connection somewhere else (rebinding).
 */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
