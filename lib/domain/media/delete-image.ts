import { eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { imageStore } from "./image-store";
import { images } from "./schema";

export const deleteImageInput = z.object({ id: z.uuid() });

/** Removes an image and all its files. The caller has decided it is no longer used. */
export async function deleteImage({ ctx, input }: { ctx: Ctx; input: z.input<typeof deleteImageInput> }): Promise<void> {
  const { id } = deleteImageInput.parse(input);
  await withTransaction(ctx, async (tx) => {
    await tx.delete(images).where(eq(images.id, id));
    await imageStore().remove(tx, id);
  });
  ctx.log.info({ imageId: id }, "media.image_deleted");
}
