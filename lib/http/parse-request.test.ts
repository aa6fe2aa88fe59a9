import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Validation } from "@/lib/domain/errors";
import { MAX_BODY_BYTES, parseJsonBody, parseQuery, PayloadTooLarge } from "./parse-request";

const schema = z.object({ title: z.string() }).loose();

function streamed(bytes: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(16_384, bytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("request parsing at the edge", () => {
  it("cuts off a body without Content-Length once it passes the limit, counting bytes not characters", async () => {
    await expect(parseJsonBody(streamed(MAX_BODY_BYTES + 1), schema)).rejects.toBeInstanceOf(PayloadTooLarge);
    const multiByte = JSON.stringify({ title: "é".repeat(MAX_BODY_BYTES / 2) });
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: multiByte }), schema)).rejects.toBeInstanceOf(PayloadTooLarge);
  });

  it("refuses text Postgres cannot store (U+0000) as a field error, in bodies and queries", async () => {
    const body = JSON.stringify({ title: "ok", nested: { list: ["fine", "bad\u0000"] } });
    const error = await parseJsonBody(new Request("http://localhost/x", { method: "POST", body }), schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Validation);
    expect((error as Validation).fieldErrors).toEqual([{ path: "nested.list.1", message: "must not contain NUL (\\u0000) characters" }]);
    expect(() => parseQuery(new URL("http://localhost/x?q=%00"), z.object({ q: z.string() }))).toThrow(Validation);
  });

  it("still reads an ordinary body and query", async () => {
    const req = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ title: "Évent 🎟" }) });
    expect(await parseJsonBody(req, schema)).toEqual({ title: "Évent 🎟" });
    expect(parseQuery(new URL("http://localhost/x?q=jazz&q=rock"), z.object({ q: z.string() }))).toEqual({ q: "jazz" });
  });
});
