import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export type FreshDatabase = {
  url: string;
  /** The cluster started for this database when DATABASE_URL was unset. */
  embedded: EmbeddedDatabase | undefined;
  /** Drops the database and stops the cluster started for it. */
  drop: () => Promise<void>;
};

/**
 * An empty database named `name` for a benchmark or the e2e server: on DATABASE_URL's server, or
 * on an embedded cluster under `dataDir`. Refuses any server not on this machine, since it drops
 * whatever has that name.
 */
export async function freshLocalDatabase({ name, dataDir }: { name: string; dataDir: string }): Promise<FreshDatabase> {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, database: "postgres" });
  const url = new URL(process.env.DATABASE_URL ?? embedded!.adminUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) throw new Error(`refusing a non-local database server (${url.hostname})`);
  url.pathname = "/postgres";
  const adminUrl = url.toString();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded,
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
      await embedded?.stop();
    },
  };
}
