import { z } from "zod";

/** The upload limits and the variants every image is turned into, written once. */

/** Bytes of one upload; larger is refused before it is decoded (413). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Pixels of one upload (e.g. 8000 × 5000). A small compressed file can declare a huge canvas
 * (a "decompression bomb"): its header is read first and the decoder is held to the same limit.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Widths served in srcset; an original narrower than one is never enlarged. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

/** Served formats, best first: browsers take the first <source> they support, JPEG is the fallback. */
export const IMAGE_FORMATS = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;
export type ImageFormat = keyof typeof IMAGE_FORMATS;

/** What an upload may be, by its decoded header (sharp names AVIF "heif" with av1 compression). */
export const ACCEPTED_UPLOADS = "JPEG, PNG, WebP or AVIF";

/** The widths an original of this width is served at: the standard ones it covers, or its own. */
export function widthsFor(originalWidth: number): number[] {
  const widths = IMAGE_WIDTHS.filter((w) => w <= originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

/** An upload as use cases take it: the raw bytes (any Uint8Array, Node's Buffer included). */
export const uploadBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, "must be the image's bytes");
