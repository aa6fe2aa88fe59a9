import fc from "fast-check";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { eventInput, resetEventsState } from "@/lib/domain/events/event-fixtures";
import { MAX_IMAGE_BYTES } from "@/lib/domain/media";
import { pngClaiming, testImage } from "@/lib/domain/media/image-fixtures";
import { fingerprint } from "@/tests/fuzz/hostile-input";
import { callRoute } from "../auth/_test/call-route";
import { GET as getFile } from "../media/[id]/[file]/route";
import { DELETE as removeCover, PUT as putCover } from "./[id]/cover/route";
import { POST as publish } from "./[id]/publish/route";
import { GET as getOne } from "./[id]/route";
import { POST as create } from "./route";

type Cover = { id: string; url: string; srcset: string; sources: { type: string; srcset: string }[] };
type Json = Record<string, unknown> & { id: string; coverImage: Cover | null };

let organizer: string;
let photo: Buffer;

beforeAll(async () => {
  photo = await testImage({ width: 1000, height: 600 });
});

beforeEach(async () => {
  await resetEventsState();
  organizer = (await createTestTokens({ role: "organizer" })).accessToken;
});

async function createEvent(token = organizer): Promise<Json> {
  const res = await callRoute(create, "POST", "/api/v1/events", { token, body: eventInput() });
  expect(res.status).toBe(201);
  return res.json();
}

function upload(id: string, body: BodyInit | null, options: { token?: string; contentType?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": options.contentType ?? "image/jpeg" };
  const token = options.token ?? organizer;
  if (token) headers.authorization = `Bearer ${token}`;
  return putCover(new Request(`http://localhost/api/v1/events/${id}/cover`, { method: "PUT", headers, body }), { params: Promise.resolve({ id }) });
}

function fetchFile(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const [, , , , id, file] = url.split("/");
  return getFile(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve({ id: id!, file: file! }) });
}

const fileUrls = (cover: Cover) => [cover.srcset, ...cover.sources.map((s) => s.srcset)].flatMap((set) => set.split(", ").map((entry) => entry.split(" ")[0]!));

describe("PUT /api/v1/events/{id}/cover", () => {
  it("takes the raw image bytes and answers 200 with the event's coverImage, whose every file is served as that image type", async () => {
    const event = await createEvent();
    const res = await upload(event.id, new Uint8Array(photo));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.coverImage!.srcset).toMatch(/480\.jpeg 480w, .*960\.jpeg 960w$/);
    expect(body.coverImage!.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);

    const urls = fileUrls(body.coverImage!);
    expect(urls).toHaveLength(6);
    for (const url of urls) {
      const file = await fetchFile(url);
      expect(file.status, url).toBe(200);
      expect(file.headers.get("content-type")).toBe(`image/${url.split(".").pop()}`);
      expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(file.headers.get("etag")).toMatch(/^"[0-9a-f-]{36}-\d+\.\w+"$/);
      expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(Number(url.split("/").pop()!.split(".")[0]));
    }
    const detail = await callRoute(getOne, "GET", `/api/v1/events/${event.id}`, { token: organizer, params: { id: event.id } });
    expect(((await detail.json()) as Json).coverImage).toEqual(body.coverImage);
  });

  it("reads the type from the bytes: a PNG sent as text/plain is taken, JSON sent as image/png is 415", async () => {
    const event = await createEvent();
    const png = await testImage({ width: 500, height: 300, format: "png" });
    expect((await upload(event.id, new Uint8Array(png), { contentType: "text/plain" })).status).toBe(200);
    const res = await upload(event.id, JSON.stringify({ image: "cover.png" }), { contentType: "image/png" });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 });
  });

  it("answers 413 PAYLOAD_TOO_LARGE to a body over 5 MB, declared or streamed, before storing anything", async () => {
    const event = await createEvent();
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(photo);
    const before = await fingerprint();
    const res = await upload(event.id, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // A stream without Content-Length is cut off as it passes the limit.
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streamed = await putCover(
      new Request(`http://localhost/api/v1/events/${event.id}/cover`, { method: "PUT", headers: { authorization: `Bearer ${organizer}` }, body: chunks, duplex: "half" } as RequestInit),
      { params: Promise.resolve({ id: event.id }) },
    );
    expect(streamed.status).toBe(413);
    expect(await fingerprint()).toBe(before);
  });

  it("answers 413 IMAGE_TOO_MANY_PIXELS to a small PNG whose header claims 100,000 × 100,000 pixels", async () => {
    const event = await createEvent();
    const res = await upload(event.id, new Uint8Array(await pngClaiming(100_000, 100_000)), { contentType: "image/png" });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "IMAGE_TOO_MANY_PIXELS" });
  });

  it("answers 404 to another organizer on a draft, 403 on a published event, 401 without a token", async () => {
    const event = await createEvent();
    const stranger = (await createTestTokens({ role: "organizer" })).accessToken;
    expect((await upload(event.id, new Uint8Array(photo), { token: stranger })).status).toBe(404);
    expect((await callRoute(publish, "POST", `/api/v1/events/${event.id}/publish`, { token: organizer, params: { id: event.id } })).status).toBe(200);
    const forbidden = await upload(event.id, new Uint8Array(photo), { token: stranger });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toBe("application/problem+json");
    expect((await upload(event.id, new Uint8Array(photo), { token: "" })).status).toBe(401);
    expect((await removeCover(new Request(`http://localhost/api/v1/events/${event.id}/cover`, { method: "DELETE", headers: { authorization: `Bearer ${stranger}` } }), { params: Promise.resolve({ id: event.id }) })).status).toBe(403);
  });

  it.each([
    ["garbage bytes", () => new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256))],
    ["an empty body", () => null],
    ["a truncated JPEG", () => new Uint8Array(photo.subarray(0, Math.floor(photo.length / 2)))],
    ["a JPEG header and nothing else", () => new Uint8Array(photo.subarray(0, 20))],
  ])("refuses %s with a 4xx problem, never 5xx", async (_name, body) => {
    const event = await createEvent();
    const res = await upload(event.id, body());
    expect([415, 422]).toContain(res.status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("never answers 5xx to random bytes behind real JPEG, PNG, WebP and AVIF signatures", async () => {
    const event = await createEvent();
    const avif = await testImage({ width: 64, height: 64, format: "avif" });
    const webp = await testImage({ width: 64, height: 64, format: "webp" });
    const png = await testImage({ width: 64, height: 64, format: "png" });
    const heads = [photo.subarray(0, 200), png.subarray(0, 40), webp.subarray(0, 30), avif.subarray(0, 300), Buffer.alloc(0)];
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 3000 }), async (head, tail) => {
        const res = await upload(event.id, new Uint8Array(Buffer.concat([head, tail])));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }),
      { numRuns: 40 },
    );
    expect(await fingerprint()).toBe(before);
  });
});

describe("DELETE /api/v1/events/{id}/cover", () => {
  it("removes the cover: the event says null and its files answer 404 problem+json", async () => {
    const event = await createEvent();
    const uploaded = (await (await upload(event.id, new Uint8Array(photo))).json()) as Json;
    const res = await removeCover(new Request(`http://localhost/api/v1/events/${event.id}/cover`, { method: "DELETE", headers: { authorization: `Bearer ${organizer}` } }), {
      params: Promise.resolve({ id: event.id }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).coverImage).toBeNull();
    const gone = await fetchFile(uploaded.coverImage!.url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    expect(gone.headers.get("cache-control") ?? "").not.toMatch(/immutable/);
  });
});

describe("GET /api/v1/media/{id}/{file}", () => {
  it("answers 304 to a matching If-None-Match", async () => {
    const event = await createEvent();
    const cover = ((await (await upload(event.id, new Uint8Array(photo))).json()) as Json).coverImage!;
    const first = await fetchFile(cover.url);
    const again = await fetchFile(cover.url, { "if-none-match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it.each(["nope", "00000000-0000-4000-8000-000000000000"])("answers 404 problem+json for the unknown image %s", async (id) => {
    const res = await fetchFile(`/api/v1/media/${id}/480.jpeg`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "IMAGE_NOT_FOUND" });
  });
});
