import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BadRequest, Validation } from "@/lib/domain/errors";
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS } from "./json-shape";
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

  it("refuses a body nested 3,400 deep as 400 JSON_TOO_COMPLEX within a millisecond or so, before anything recurses", async () => {
    const deep = `{"title":${"[".repeat(3400)}"x"${"]".repeat(3400)}}`;
    const started = performance.now();
    const error = await parseJsonBody(new Request("http://localhost/x", { method: "POST", body: deep }), schema).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(20);
    expect(error).toBeInstanceOf(BadRequest);
    expect((error as BadRequest).code).toBe("JSON_TOO_COMPLEX");
  });

  it("takes nesting up to the limit and counts brackets inside strings as text", async () => {
    const atLimit = `${"[".repeat(MAX_JSON_DEPTH - 1)}{"title":"[[[{{{\\\"]]]"}${"]".repeat(MAX_JSON_DEPTH - 1)}`;
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: atLimit }), z.unknown())).resolves.toBeDefined();
    const overLimit = `${"[".repeat(MAX_JSON_DEPTH)}{"title":"x"}${"]".repeat(MAX_JSON_DEPTH)}`;
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: overLimit }), z.unknown())).rejects.toBeInstanceOf(BadRequest);
  });

  it("refuses arrays and objects with more items than the limit, but not their text", async () => {
    const huge = JSON.stringify({ title: "x", list: Array.from({ length: MAX_JSON_ITEMS + 1 }, () => 0) });
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: huge }), schema)).rejects.toBeInstanceOf(BadRequest);
    const manyKeys = JSON.stringify({ title: "x", ...Object.fromEntries(Array.from({ length: MAX_JSON_ITEMS }, (_, i) => [`k${i}`, 1])) });
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: manyKeys }), schema)).rejects.toBeInstanceOf(BadRequest);
    const commasInText = JSON.stringify({ title: ",".repeat(5000) });
    await expect(parseJsonBody(new Request("http://localhost/x", { method: "POST", body: commasInText }), schema)).resolves.toEqual({ title: ",".repeat(5000) });
  });

  it("still reads an ordinary body and query", async () => {
    const req = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ title: "Évent 🎟" }) });
    expect(await parseJsonBody(req, schema)).toEqual({ title: "Évent 🎟" });
    expect(parseQuery(new URL("http://localhost/x?q=jazz&q=rock"), z.object({ q: z.string() }))).toEqual({ q: "jazz" });
  });
});
