import { z } from "zod";

/** Where a request came from, as the face saw it; recorded on sessions and security events. */
export const clientInfoSchema = z
  .object({
    ip: z.string().max(64).default(""),
    userAgent: z.string().max(512).default(""),
  })
  .default({ ip: "", userAgent: "" });

export type ClientInfo = z.output<typeof clientInfoSchema>;
