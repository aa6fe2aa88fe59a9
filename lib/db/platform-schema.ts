import { pgSchema } from "drizzle-orm/pg-core";

/** Cross-cutting tables that belong to no business domain: outbox, job runs, mailbox. */
export const platform = pgSchema("platform");
