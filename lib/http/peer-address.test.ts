import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "./peer-address";

describe("stampPeerAddress", () => {
  stampPeerAddress();
  const server = http.createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
  const listening = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("hands the request the socket's peer, overwriting a value the client forged", async () => {
    const url = await listening;
    const res = await fetch(url, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
    expect(await res.text()).toBe("127.0.0.1");
  });

  it("installs itself once however often start-up calls it", async () => {
    stampPeerAddress();
    const res = await fetch(await listening);
    expect(await res.text()).toBe("127.0.0.1");
  });
});
