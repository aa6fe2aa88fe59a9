import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: Record<string, string>; body: string };

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests. `answer` picks the status (and headers)
 * for the n-th request (0-based); every request is kept in `received`.
 */
export async function startReceiver(answer: (n: number, req: ReceivedRequest) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") };
      const reply = answer(received.length, request);
      received.push(request);
      res.writeHead(reply.status, reply.headers);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
