import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

export const devMailboxRoute = defineRoute({
  method: "GET",
  path: "/api/dev/mailbox",
  operationId: "readDevMailbox",
  tokenScope: null,
  summary:
    "Mail stored by the built-in mailbox (only when no SMTP_URL is configured), newest first: open to anyone while the server listens on loopback alone (or DEV_MAILBOX=open), otherwise to admins",
  tags: ["operations"],
  auth: "optional",
  query: z.object({
    to: z.string().trim().min(1).max(320).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  responses: {
    200: {
      description: "Stored messages",
      schema: z.object({
        data: z.array(
          z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string(), createdAt: z.iso.datetime() }),
        ),
      }),
    },
  },
  errors: { 404: ["NOT_FOUND"] },
});
