import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

export type UserIds = { uid: number; gid: number };

/** The `postgres` system user: Postgres refuses to run as root, so as root the embedded server runs as this user. */
export function postgresUserIds(): UserIds | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Whether the user can walk down to `dir`: every folder above it lets them in. */
export function reachableBy(dir: string, ids: UserIds): boolean {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    const canEnter = uid === ids.uid ? mode & 0o100 : gid === ids.gid ? mode & 0o010 : mode & 0o001;
    if (!canEnter) return false;
    if (current === path.dirname(current)) return true;
  }
}
