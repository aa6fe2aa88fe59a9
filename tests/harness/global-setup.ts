import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
    runId: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once per run: a Postgres server (DATABASE_URL's, or an embedded one), a template database with
 * every migration applied, from which each worker clones its own database in milliseconds.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  const runsDir = path.resolve(".data/test-runs");
  const runDir = path.join(runsDir, String(process.pid));
  if (existsSync(runsDir)) {
    for (const entry of readdirSync(runsDir)) {
      if (!isAlive(Number(entry))) rmSync(path.join(runsDir, entry), { recursive: true, force: true });
    }
  }
  if (!serverUrl) {
    // One throw-away cluster per run: concurrent runs never share (or delete) each other's files.
    embedded = await startEmbeddedPostgres({
      dataDir: runDir,
      database: "postgres",
      persistent: false,
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    });
    serverUrl = embedded.adminUrl;
  }
  const runId = String(process.pid);
  const template = `evently_tpl_${runId}`;
  const admin = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });

  // Databases left by runs that were killed before their teardown.
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname ~ '^evently_(tpl|t)_[0-9]+'`;
  for (const { datname } of stale) {
    const pid = Number(datname.split("_")[2]);
    if (!isAlive(pid)) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }

  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  await runMigrations(withDatabase(serverUrl, template));

  project.provide("dbServerUrl", serverUrl);
  project.provide("dbTemplate", template);
  project.provide("runId", runId);

  return async () => {
    const dbs = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`evently_%_${runId}%`}`;
    for (const { datname } of dbs) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    await embedded?.stop();
    rmSync(runDir, { recursive: true, force: true });
    if (embedded) rmSync(embedded.dataDir, { recursive: true, force: true });
  };
}
