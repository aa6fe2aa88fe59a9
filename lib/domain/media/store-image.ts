import { randomUUID } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { ContentTooLarge, Unauthenticated, UnsupportedMediaType, Validation } from "@/lib/domain/errors";
import { ACCEPTED_UPLOADS, IMAGE_FORMATS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, uploadBytes, widthsFor, type ImageFormat } from "./image-rules";
import { imageFileKey, type ImageRef } from "./image-ref";
import { imageStore } from "./image-store";
import { images } from "./schema";

export const storeImageInput = z.object({ bytes: uploadBytes });

const tooLarge = () =>
  new ContentTooLarge("PAYLOAD_TOO_LARGE", `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
const tooManyPixels = () =>
  new ContentTooLarge("IMAGE_TOO_MANY_PIXELS", `The image has more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels.`);
const unsupported = () => new UnsupportedMediaType("UNSUPPORTED_MEDIA_TYPE", `Send a ${ACCEPTED_UPLOADS} image as the request body.`);
const unreadable = () =>
  new Validation("INVALID_IMAGE", "The image could not be read; it may be truncated or damaged.", [{ path: "(body)", message: "is not a readable image" }]);

/** The uploaded type by its bytes (the client's declared type is not trusted). */
async function acceptedHeader(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupported();
  }
  const accepted = ["jpeg", "png", "webp"].includes(meta.format ?? "") || (meta.format === "heif" && meta.compression === "av1");
  if (!accepted || !meta.width || !meta.height) throw unsupported();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw tooManyPixels();
  // Orientation 5-8 turns the picture a quarter: what is served is the upright one.
  return meta.autoOrient ?? { width: meta.width, height: meta.height };
}

function encode(pipeline: Sharp, format: ImageFormat): Sharp {
  if (format === "avif") return pipeline.avif({ quality: 50, effort: 2 });
  if (format === "webp") return pipeline.webp({ quality: 75 });
  // JPEG has no alpha: transparent areas become white rather than black.
  return pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
}

async function variant(bytes: Uint8Array, width: number, format: ImageFormat): Promise<Buffer> {
  // sharp writes no metadata unless asked (EXIF with its GPS position, ICC, XMP are dropped);
  // the decoder is held to the pixel limit in case the header understated the canvas.
  const pipeline = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", autoOrient: true }).resize({ width, withoutEnlargement: true });
  try {
    return await encode(pipeline, format).toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw unreadable();
  }
}

/**
 * Checks an upload (size, real type, pixel count), resizes it into every served width and
 * format, and stores the files and their record together. The caller decides what the image
 * belongs to and who may attach it; this needs only a signed-in user (the owner of record).
 */
export async function storeImage({ ctx, input }: { ctx: Ctx; input: z.input<typeof storeImageInput> }): Promise<ImageRef> {
  const { bytes } = storeImageInput.parse(input);
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) throw unsupported();
  const { width, height } = await acceptedHeader(bytes);
  const widths = widthsFor(width);
  const formats = Object.keys(IMAGE_FORMATS) as ImageFormat[];
  const id = randomUUID();
  const files = await Promise.all(
    widths.flatMap((w) => formats.map(async (format) => ({ key: imageFileKey(id, w, format), format, bytes: await variant(bytes, w, format) }))),
  );
  const store = imageStore();
  const ownerId = ctx.actor.userId;
  await withTransaction(ctx, async (tx) => {
    for (const file of files) await store.put(tx, file.key, { bytes: file.bytes, contentType: IMAGE_FORMATS[file.format] });
    await tx.insert(images).values({ id, ownerId, width, height, widths });
  });
  ctx.log.info({ imageId: id, width, height, widths, bytes: bytes.byteLength }, "media.image_stored");
  return { id, width, height, widths };
}
