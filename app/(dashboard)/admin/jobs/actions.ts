"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { retryDeadRun } from "@/lib/jobs/retry-dead-run";
import { action } from "@/lib/web/action";

const retryForm = z.object({ runId: z.string() });

/** The use case checks the admin right and that the run is still dead; this only carries the form. */
export const retryRunAction = action(retryForm, async ({ input, ctx }) => {
  const retried = await retryDeadRun({ ctx, input });
  revalidatePath("/admin/jobs");
  return retried;
});
