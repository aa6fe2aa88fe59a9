import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { IMAGE_FORMATS, type ImageFormat } from "./image-rules";
import type { ImageStore } from "./image-store";

/** Keys are built by this domain from a uuid and a known variant, never from user text; checked anyway. */
const KEY = /^[0-9a-f-]{36}\/\d{1,5}\.(avif|webp|jpeg)$/;

/** Files under MEDIA_DIR (`<dir>/<imageId>/<width>.<format>`): for one server, or a shared volume. */
export function diskImageStore(dir: string): ImageStore {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not an image file key: ${key}`);
    return path.join(dir, key);
  };
  return {
    async put(_db, key, file) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes);
    },
    async get(_db, key) {
      try {
        const bytes = await readFile(fileOf(key));
        const format = path.extname(key).slice(1) as ImageFormat;
        return { bytes, contentType: IMAGE_FORMATS[format] };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(_db, imageId) {
      if (!/^[0-9a-f-]{36}$/.test(imageId)) throw new Error(`Not an image id: ${imageId}`);
      await rm(path.join(dir, imageId), { recursive: true, force: true });
    },
  };
}
