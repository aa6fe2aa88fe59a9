import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const startedAt = new Date().toISOString();

function gitCommit(): string {
  try {
    const head = readFileSync(path.join(process.cwd(), ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head;
    const refFile = path.join(process.cwd(), ".git", head.slice(5));
    return existsSync(refFile) ? readFileSync(refFile, "utf8").trim() : "unknown";
  } catch {
    return "unknown";
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

/** Read once per process: none of it changes while the process runs. */
export const buildInfo = {
  name: "evently",
  version: packageVersion(),
  commit: env.COMMIT_SHA ?? gitCommit(),
  startedAt,
};
