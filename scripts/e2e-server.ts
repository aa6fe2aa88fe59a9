import postgres from "postgres";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { runApp } from "./app-process";

/**
 * The server Playwright drives: the production build on a freshly created database, so every run
 * starts from the seed alone. It refuses any database that is not on this machine.
 */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

async function main() {
  let serverUrl = process.env.DATABASE_URL;
  const embedded = serverUrl ? undefined : await startEmbeddedPostgres({ dataDir: ".data/e2e", database: "postgres" });
  if (embedded) serverUrl = embedded.adminUrl;
  const url = new URL(serverUrl!);
  if (!LOCAL_HOSTS.has(url.hostname)) throw new Error(`e2e refuses to run against a non-local database (${url.hostname})`);

  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists evently_e2e with (force)`);
  await admin.unsafe(`create database evently_e2e`);
  await admin.end();

  url.pathname = "/evently_e2e";
  process.env.DATABASE_URL = url.toString();
  process.env.RATE_LIMITS ??= "off";
  process.env.LOG_LEVEL ??= "warn";
  process.env.SEED_DEMO ??= "true";
  await runApp("start", embedded);
}

void main();
