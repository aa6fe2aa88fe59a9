import { eq, like } from "drizzle-orm";
import type { ImageStore } from "./image-store";
import { imageFiles } from "./schema";

/** Files as bytea rows: nothing to provision, backed up with the data, fine for cover-image sizes. */
export const postgresImageStore: ImageStore = {
  async put(db, key, file) {
    await db.insert(imageFiles).values({ key, contentType: file.contentType, bytes: file.bytes }).onConflictDoNothing();
  },
  async get(db, key) {
    const [row] = await db.select({ bytes: imageFiles.bytes, contentType: imageFiles.contentType }).from(imageFiles).where(eq(imageFiles.key, key));
    return row ?? null;
  },
  async remove(db, imageId) {
    // Keys start with the image's uuid, so the prefix names exactly its files.
    await db.delete(imageFiles).where(like(imageFiles.key, `${imageId}/%`));
  },
};
