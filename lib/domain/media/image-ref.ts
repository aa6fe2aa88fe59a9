import { IMAGE_FORMATS, type ImageFormat } from "./image-rules";

/** What another domain keeps about an image it uses (a copy: no foreign key crosses schemas). */
export type ImageRef = { id: string; width: number; height: number; widths: number[] };

/** Where the files are served; app/api/v1/media/[id]/[file] answers it. */
export const MEDIA_PATH = "/api/v1/media";

export function imageFileKey(id: string, width: number, format: ImageFormat): string {
  return `${id}/${width}.${format}`;
}

/** `960.avif` → { width: 960, format: "avif" }; anything else → null. */
export function parseImageFileName(name: string): { width: number; format: ImageFormat } | null {
  const match = /^([1-9]\d{0,4})\.(avif|webp|jpeg)$/.exec(name);
  if (!match) return null;
  return { width: Number(match[1]), format: match[2] as ImageFormat };
}

/** The image as pages and API clients use it: a <picture>'s sources and a JPEG fallback. */
export type ImageSources = {
  id: string;
  width: number;
  height: number;
  /** The widest JPEG: an <img src>, an Open Graph image. */
  url: string;
  /** JPEG srcset (`url 480w, …`), every browser reads it. */
  srcset: string;
  /** Better formats first, for <source type srcset>. */
  sources: { type: string; srcset: string }[];
};

export function imageSources(ref: ImageRef): ImageSources {
  const url = (width: number, format: ImageFormat) => `${MEDIA_PATH}/${imageFileKey(ref.id, width, format)}`;
  const srcset = (format: ImageFormat) => ref.widths.map((w) => `${url(w, format)} ${w}w`).join(", ");
  return {
    id: ref.id,
    width: ref.width,
    height: ref.height,
    url: url(Math.max(...ref.widths), "jpeg"),
    srcset: srcset("jpeg"),
    sources: (["avif", "webp"] as const).map((format) => ({ type: IMAGE_FORMATS[format], srcset: srcset(format) })),
  };
}
