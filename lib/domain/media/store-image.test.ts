import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { userActor } from "@/lib/domain/events/event-fixtures";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { deleteImage } from "./delete-image";
import { diskImageStore } from "./disk-image-store";
import { imageSources } from "./image-ref";
import { pngClaiming, testImage } from "./image-fixtures";
import { MAX_IMAGE_BYTES } from "./image-rules";
import { readImageFile } from "./read-image-file";
import { imageFiles, images } from "./schema";
import { storeImage } from "./store-image";

const owner = userActor("organizer");
const ctx = () => testCtx(owner);

beforeEach(resetDatabase);

async function refusal(work: Promise<unknown>): Promise<{ kind: string; code: string }> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return { kind: error.kind, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function imageRows(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(images);
  return row!.n;
}

describe("storeImage", () => {
  it("stores every width (480, 960, 1600) in AVIF, WebP and JPEG, each file really that format and width", async () => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 1700, height: 900 }) } });
    expect(ref).toMatchObject({ width: 1700, height: 900, widths: [480, 960, 1600] });
    for (const width of ref.widths) {
      for (const [format, type] of [["avif", "image/avif"], ["webp", "image/webp"], ["jpeg", "image/jpeg"]] as const) {
        const file = await readImageFile({ ctx: ctx(), input: { id: ref.id, name: `${width}.${format}` } });
        expect(file?.contentType).toBe(type);
        const meta = await sharp(file!.bytes).metadata();
        expect(meta.width).toBe(width);
        expect(meta.format).toBe(format === "avif" ? "heif" : format);
      }
    }
  });

  it("describes the image as <picture> sources with w descriptors, AVIF first and a JPEG fallback", async () => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 1000, height: 500, format: "png" }) } });
    const sources = imageSources(ref);
    expect(sources.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(sources.sources[0]!.srcset).toBe(`/api/v1/media/${ref.id}/480.avif 480w, /api/v1/media/${ref.id}/960.avif 960w`);
    expect(sources.url).toBe(`/api/v1/media/${ref.id}/960.jpeg`);
  });

  it("never enlarges: an image narrower than 480 px is served at its own width only", async () => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 300, height: 200, format: "webp" }) } });
    expect(ref.widths).toEqual([300]);
    expect(await readImageFile({ ctx: ctx(), input: { id: ref.id, name: "480.jpeg" } })).toBeNull();
  });

  it("strips EXIF (camera, author, position) from every served file", async () => {
    const upload = await testImage({ width: 600, height: 400 });
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const ref = await storeImage({ ctx: ctx(), input: { bytes: upload } });
    for (const format of ["avif", "webp", "jpeg"]) {
      const file = await readImageFile({ ctx: ctx(), input: { id: ref.id, name: `480.${format}` } });
      const meta = await sharp(file!.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });

  it("serves a photo upright: EXIF orientation 6 (a quarter turn) swaps width and height", async () => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 1000, height: 500, orientation: 6 }) } });
    expect(ref).toMatchObject({ width: 500, height: 1000, widths: [480] });
    const file = await readImageFile({ ctx: ctx(), input: { id: ref.id, name: "480.jpeg" } });
    expect(await sharp(file!.bytes).metadata()).toMatchObject({ width: 480, height: 960 });
  });

  it("refuses more than 5 MB as PAYLOAD_TOO_LARGE before decoding anything", async () => {
    const big = Buffer.concat([await testImage({ width: 100, height: 100 }), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(await refusal(storeImage({ ctx: ctx(), input: { bytes: big } }))).toEqual({ kind: "ContentTooLarge", code: "PAYLOAD_TOO_LARGE" });
    expect(await imageRows()).toBe(0);
  });

  it("refuses a header claiming 100,000 × 100,000 pixels (a PNG bomb) as IMAGE_TOO_MANY_PIXELS", async () => {
    expect(await refusal(storeImage({ ctx: ctx(), input: { bytes: await pngClaiming(100_000, 100_000) } }))).toEqual({
      kind: "ContentTooLarge",
      code: "IMAGE_TOO_MANY_PIXELS",
    });
  });

  it.each([
    ["text", Buffer.from("hello, this is not an image")],
    ["an empty body", Buffer.alloc(0)],
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["SVG (scripts can hide in it)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
  ])("refuses %s as UNSUPPORTED_MEDIA_TYPE", async (_name, bytes) => {
    expect(await refusal(storeImage({ ctx: ctx(), input: { bytes } }))).toEqual({ kind: "UnsupportedMediaType", code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("refuses a GIF, a real image of a type it does not take", async () => {
    const gif = await testImage({ width: 50, height: 50, format: "gif" });
    expect((await refusal(storeImage({ ctx: ctx(), input: { bytes: gif } }))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a truncated JPEG as INVALID_IMAGE and keeps nothing of it", async () => {
    const jpeg = await testImage({ width: 800, height: 600 });
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect(await refusal(storeImage({ ctx: ctx(), input: { bytes: truncated } }))).toEqual({ kind: "Validation", code: "INVALID_IMAGE" });
    expect(await imageRows()).toBe(0);
  });

  it("needs a signed-in user", async () => {
    const bytes = await testImage({ width: 100, height: 100 });
    expect((await refusal(storeImage({ ctx: testCtx({ type: "anonymous" }), input: { bytes } }))).kind).toBe("Unauthenticated");
  });
});

describe("deleteImage", () => {
  it("removes the record and every file", async () => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 1000, height: 500 }) } });
    await deleteImage({ ctx: ctx(), input: { id: ref.id } });
    expect(await imageRows()).toBe(0);
    expect(await getDb().select().from(imageFiles).where(eq(imageFiles.contentType, "image/jpeg"))).toEqual([]);
    expect(await readImageFile({ ctx: ctx(), input: { id: ref.id, name: "480.webp" } })).toBeNull();
  });
});

describe("readImageFile", () => {
  it.each(["480.gif", "0.jpeg", "480.jpeg/../x", "../../etc/passwd", "480.JPEG", ""])("answers null for the file name %j", async (name) => {
    const ref = await storeImage({ ctx: ctx(), input: { bytes: await testImage({ width: 500, height: 300 }) } });
    expect(await readImageFile({ ctx: ctx(), input: { id: ref.id, name } })).toBeNull();
  });

  it("answers null for an id that is not a uuid", async () => {
    expect(await readImageFile({ ctx: ctx(), input: { id: "not-a-uuid", name: "480.jpeg" } })).toBeNull();
  });
});

describe("diskImageStore", () => {
  it("keeps files under its folder, one folder per image, and removes them all", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "media-"));
    try {
      const store = diskImageStore(dir);
      const id = "0b6a6f4e-3f43-4a3c-9d0e-6f7f3f1f2a11";
      await store.put(getDb(), `${id}/480.webp`, { bytes: Buffer.from("webp bytes"), contentType: "image/webp" });
      expect(await store.get(getDb(), `${id}/480.webp`)).toEqual({ bytes: Buffer.from("webp bytes"), contentType: "image/webp" });
      expect(await store.get(getDb(), `${id}/960.webp`)).toBeNull();
      expect(await readdir(path.join(dir, id))).toEqual(["480.webp"]);
      await store.remove(getDb(), id);
      expect(await readdir(dir)).toEqual([]);
      await expect(store.get(getDb(), "../../etc/passwd")).rejects.toThrow(/Not an image file key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
