import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx, Role } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emailSchema, normalizeEmail } from "./email";
import { findUserByEmail } from "./find-user";
import { hashPassword, verifyPassword } from "./password";
import { users } from "./schema";
import { revokeUserSessions } from "./sessions";

/** The documented development password of every demo account (README). */
export const DEMO_PASSWORD = "evently-demo-2026";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@evently.local", name: "Ada Admin", role: "admin" },
  { email: "org1@evently.local", name: "Olga Organizer", role: "organizer" },
  { email: "org2@evently.local", name: "Omar Organizer", role: "organizer" },
  { email: "ann@evently.local", name: "Ann Attendee", role: "attendee" },
  { email: "ben@evently.local", name: "Ben Attendee", role: "attendee" },
  { email: "cleo@evently.local", name: "Cleo Attendee", role: "attendee" },
];

export const seedUsersInput = z.object({
  admin: z.object({ email: emailSchema, password: z.string().min(1) }).optional(),
  demo: z.boolean(),
});

/**
 * Idempotent: demo accounts (verified) are created when missing and otherwise left alone.
 * The bootstrap admin (ADMIN_EMAIL/ADMIN_PASSWORD) is made to exist, verified, admin, with
 * that password: if the address was registered by someone else first, its password is reset
 * and its sessions end, so the account belongs to whoever holds ADMIN_PASSWORD.
 */
export async function seedUsers({ ctx, input }: { ctx: Ctx; input: z.input<typeof seedUsersInput> }): Promise<void> {
  const { admin, demo } = seedUsersInput.parse(input);
  if (demo) await ensureDemoUsers(ctx);
  if (admin) await ensureBootstrapAdmin(ctx, admin);
}

async function ensureDemoUsers(ctx: Ctx): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email);
  const present = await ctx.db.select({ email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, emails));
  const missing = DEMO_USERS.filter((u) => !present.some((p) => p.email === u.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.now();
  await ctx.db
    .insert(users)
    .values(missing.map((u) => ({ ...u, passwordHash, emailVerifiedAt: now })))
    .onConflictDoNothing();
  ctx.log.info({ created: missing.map((u) => u.email) }, "auth.demo_users_seeded");
}

async function ensureBootstrapAdmin(ctx: Ctx, admin: { email: string; password: string }): Promise<void> {
  const email = normalizeEmail(admin.email);
  const now = ctx.now();
  const existing = await findUserByEmail(ctx.db, email);
  if (!existing) {
    await ctx.db
      .insert(users)
      .values({ email, name: "Administrator", passwordHash: await hashPassword(admin.password), role: "admin", emailVerifiedAt: now })
      .onConflictDoNothing();
    ctx.log.info({ email }, "auth.bootstrap_admin_created");
    return;
  }
  const passwordHolds = await verifyPassword(existing.passwordHash, admin.password);
  if (passwordHolds && existing.role === "admin" && existing.emailVerifiedAt) return;
  await withTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({
        role: "admin",
        emailVerifiedAt: existing.emailVerifiedAt ?? now,
        updatedAt: now,
        ...(passwordHolds ? {} : { passwordHash: await hashPassword(admin.password) }),
      })
      .where(eq(users.id, existing.id));
    if (!passwordHolds) {
      await revokeUserSessions(tx, { userId: existing.id, reason: "bootstrap_admin_reset", now });
    }
  });
  ctx.log.info({ email, passwordReset: !passwordHolds }, "auth.bootstrap_admin_ensured");
}
