import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { imageFileKey, parseImageFileName } from "./image-ref";
import { imageStore, type StoredFile } from "./image-store";

export const readImageFileInput = z.object({ id: z.string(), name: z.string() });

/** One served file (`<id>/960.avif`), or null. Images are public: whoever has the link may see it. */
export async function readImageFile({ ctx, input }: { ctx: Ctx; input: z.input<typeof readImageFileInput> }): Promise<(StoredFile & { key: string }) | null> {
  const { id, name } = readImageFileInput.parse(input);
  const file = parseImageFileName(name);
  if (!isUuid(id) || !file) return null;
  const key = imageFileKey(id.toLowerCase(), file.width, file.format);
  const stored = await imageStore().get(ctx.db, key);
  return stored ? { ...stored, key } : null;
}
