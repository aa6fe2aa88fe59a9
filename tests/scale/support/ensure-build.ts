import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Run under a lock by app-server.ts: makes sure .next holds a production build, building only
 * when there is none. An existing build is reused as it is (run `npm run build` after changing
 * the app), so the process tests cost one build on a fresh checkout and none after; the stamp
 * written here lets `npm start` and the e2e server reuse that build for the same commit.
 */
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" }).stdout.trim() !== "";
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (head) writeFileSync(path.join(".next", "evently-source"), `${head}${dirty ? "-dirty" : ""}`);
}
