import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { diskImageStore } from "./disk-image-store";
import { postgresImageStore } from "./postgres-image-store";

export type StoredFile = { bytes: Buffer; contentType: string };

/**
 * Where encoded image files live, by key (`<imageId>/<width>.<format>`). Small on purpose: an
 * S3-compatible store is one more implementation of these three calls. `db` is the caller's
 * connection or transaction, for stores that keep files in the database.
 */
export type ImageStore = {
  put(db: DbOrTx, key: string, file: StoredFile): Promise<void>;
  get(db: DbOrTx, key: string): Promise<StoredFile | null>;
  /** Every file of one image. */
  remove(db: DbOrTx, imageId: string): Promise<void>;
};

/** The deployment's store (MEDIA_STORE). */
export function imageStore(): ImageStore {
  return env.MEDIA_STORE === "disk" ? diskImageStore(env.MEDIA_DIR) : postgresImageStore;
}
