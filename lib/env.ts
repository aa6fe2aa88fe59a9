import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once at start-up; a bad value stops
 * the process with a message naming the variable.
 */
const bool = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no", ""])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const retentionDays = (days: number) => z.coerce.number().int().min(0).max(36_500).default(days);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    DATABASE_URL: z.url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),

    REDIS_URL: z.url().optional(),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),

    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    REQUIRE_AUTH_SECRET: bool.default(false),

    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default("Evently <no-reply@evently.local>"),
    /** Starts per minute of each mail-sending job: match your SMTP provider's send rate. */
    MAIL_SEND_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30_000),

    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: z.url().optional(),
    JOBS_WORKER: bool.default(true),

    RATE_LIMITS: z.enum(["on", "off"]).default("on"),
    /** Requests per client IP per minute, on each of the auth routes (token, register, verify, resend). */
    RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Requests per account (email) per hour on each auth route; defaults to 5 × RATE_LIMIT_AUTH_PER_MINUTE. */
    RATE_LIMIT_AUTH_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).optional(),
    /** Booking and waitlist changes (book, cancel, join, leave) per user per minute. */
    RATE_LIMIT_BOOKING_USER_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** The same per client IP per minute: generous, since one venue or office shares an address. */
    RATE_LIMIT_BOOKING_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /** Absolute lifetime of a web or API session (ASVS 3.3.2 level 2: 12 hours). */
    AUTH_SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
    /** A session unused this long is over (ASVS 3.3.2 level 2: 30 minutes). */
    AUTH_SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60 * 30).default(30),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    SEED_DEMO: bool.default(true),
    CORS_ORIGINS: z
      .string()
      .default("")
      .refine(
        (v) => v.split(",").every((s) => !s.trim() || (URL.canParse(s.trim()) && /^https?:$/.test(new URL(s.trim()).protocol))),
        "must be comma-separated origins like https://app.example.com",
      ),
    COMMIT_SHA: z.string().optional(),
    /** Proxies in front of the app that append to X-Forwarded-For; the client address is the entry the outermost one added. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
    /** When set, GET /api/metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),

    /** Days kept before the daily retention job deletes; 0 keeps forever. */
    RETENTION_AUDIT_DAYS: retentionDays(365),
    RETENTION_SECURITY_LOG_DAYS: retentionDays(180),
    RETENTION_ANALYTICS_EVENT_LOG_DAYS: retentionDays(90),
    RETENTION_IDEMPOTENCY_DAYS: retentionDays(2),
    RETENTION_MAILBOX_DAYS: retentionDays(7),
    /** Dispatched outbox rows and finished (completed or dead) job runs. */
    RETENTION_JOBS_DAYS: retentionDays(14),
  })
  .refine((e) => !e.UPSTASH_REDIS_REST_URL === !e.UPSTASH_REDIS_REST_TOKEN, {
    path: ["UPSTASH_REDIS_REST_TOKEN"],
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together",
  })
  .refine((e) => !e.REQUIRE_AUTH_SECRET || e.AUTH_SECRET, {
    path: ["AUTH_SECRET"],
    message: "is required in this deployment (REQUIRE_AUTH_SECRET is set)",
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; APP_URL: string };

function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/** A development convenience: with no AUTH_SECRET, one is generated once and kept in the data folder. */
function persistedAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  console.warn(
    JSON.stringify({ level: 40, msg: `AUTH_SECRET is not set: generated one into ${file}. Set AUTH_SECRET in production.` }),
  );
  return secret;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  return {
    ...e,
    AUTH_SECRET: e.AUTH_SECRET ?? persistedAuthSecret(e.DATA_DIR),
    APP_URL: e.APP_URL ?? `http://localhost:${e.PORT}`,
  };
}

export const env: Env = parseEnv(process.env);
