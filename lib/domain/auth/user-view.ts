import type { Role } from "@/lib/domain/context";
import type { UserRow } from "./schema";

/** The public shape of a user (API.md `user`). */
export type UserView = { id: string; email: string; name: string; role: Role; emailVerified: boolean; createdAt: Date };

export function toUserView(row: Pick<UserRow, "id" | "email" | "name" | "role" | "emailVerifiedAt" | "createdAt">): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt,
  };
}
