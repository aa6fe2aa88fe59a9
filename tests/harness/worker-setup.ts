import postgres from "postgres";
import { inject } from "vitest";

/**
 * Runs in each test worker before its test files load: points DATABASE_URL at the worker's own
 * database (cloned from the migrated template) and REDIS_URL at the worker's own logical Redis DB.
 */
const serverUrl = inject("dbServerUrl");
const template = inject("dbTemplate");
const runId = inject("runId");
const poolId = Number(process.env.VITEST_POOL_ID ?? "1");
const database = `evently_t_${runId}_${poolId}`;

const serverAdmin = new URL(serverUrl);
serverAdmin.pathname = "/postgres";
const admin = postgres(serverAdmin.toString(), { max: 1, onnotice: () => {} });
try {
  const [exists] = await admin`select 1 as one from pg_database where datname = ${database}`;
  if (!exists) await admin.unsafe(`create database "${database}" template "${template}"`);
} finally {
  await admin.end();
}

const workerUrl = new URL(serverUrl);
workerUrl.pathname = `/${database}`;
process.env.DATABASE_URL = workerUrl.toString();
process.env.DATABASE_POOL_MAX ??= "20";

const redisBase = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
redisBase.pathname = `/${(poolId % 14) + 1}`;
process.env.REDIS_URL = redisBase.toString();
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;

process.env.LOG_LEVEL ??= "silent";
process.env.DATA_DIR = ".data/test";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123456789";
process.env.JOBS_WORKER = "false";
// Tests stand in for one proxy: they name the client in X-Forwarded-For, as a proxy would.
process.env.TRUSTED_PROXY_HOPS = "1";
delete process.env.SMTP_URL;
