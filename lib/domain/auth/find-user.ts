import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { isUuid } from "@/lib/domain/ids";
import { users, type UserRow } from "./schema";
import { normalizeEmail } from "./email";

/** Through the unique index on lower(email), whatever case the caller typed. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}
