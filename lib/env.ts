import { createHash, randomBytes } from "node:crypto";
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

/**
 * Where background jobs run. `separate` (default): `npm start` runs a worker process beside the
 * web process, which runs none itself. `inline`: in the web process (tiny installs). `off`: this
 * process runs none; start `npm run worker` elsewhere. `true`/`false` are the older spellings.
 */
export const jobsWorkerModes = ["separate", "inline", "off"] as const;
export type JobsWorkerMode = (typeof jobsWorkerModes)[number];
const jobsWorkerMode = z
  .enum([...jobsWorkerModes, "true", "false", "1", "0", "on", "yes", "no"])
  .transform((v): JobsWorkerMode => (v === "separate" ? "separate" : ["inline", "true", "1", "on", "yes"].includes(v) ? "inline" : "off"));

/** Where `npm start` listens unless HOST says otherwise: this machine only. */
export const DEFAULT_HOST = "127.0.0.1";

const retentionDays = (days: number) => z.coerce.number().int().min(0).max(36_500).default(days);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The interface the web server listens on. Unset in a process means "not known": `npm start`
     * passes DEFAULT_HOST down to its web process when HOST is unset; the image sets 0.0.0.0.
     */
    HOST: z.string().min(1).optional(),
    APP_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    DATABASE_URL: z.url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),

    REDIS_URL: z.url().optional(),
    /**
     * Prefix of this deployment's cache keys in Redis, so deployments sharing one Redis never
     * serve each other's pages. Defaults to a digest of the database's address (host, port,
     * name; never credentials): deployments on one database share data, hence may share cache.
     */
    CACHE_NAMESPACE: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 letters, digits, '_', '.' or '-'")
      .optional(),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),

    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    REQUIRE_AUTH_SECRET: bool.default(false),

    SMTP_URL: z.url().optional(),
    /** `open` lets anyone read the dev mailbox even when HOST is not loopback (a shared test box); otherwise admins only. */
    DEV_MAILBOX: z.enum(["open", "admin"]).optional(),
    MAIL_FROM: z.string().min(3).default("Evently <no-reply@evently.local>"),
    /** Starts per minute of each mail-sending job: match your SMTP provider's send rate. */
    MAIL_SEND_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30_000),

    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: z.url().optional(),
    JOBS_WORKER: jobsWorkerMode.default("separate"),
    /** The worker process's own database pool (its runs, lease renewals and LISTEN). */
    WORKER_DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(6),
    /**
     * The worker process's nice value (0 normal, 19 lowest): on a machine it shares with web
     * processes, a rush's requests win the CPU and the aftermath catches up when they are served.
     */
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    /** How long a worker's claim on a run holds without renewal: a dead worker's runs are taken over after it. */
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),

    RATE_LIMITS: z.enum(["on", "off"]).default("on"),
    /** Requests per client IP per minute, on each of the auth routes (token, register, verify, resend). */
    RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /**
     * Requests per client IP on one account (email) per hour on each auth route; defaults to
     * 5 × RATE_LIMIT_AUTH_PER_MINUTE. Across addresses an account is held for one minute only
     * (lib/domain/auth/rate-limits.ts), so nobody can lock its owner out for long.
     */
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
    /**
     * Where uploaded images (event covers) are kept. `postgres` (default): in the database, nothing
     * to provision or back up apart. `disk`: files under MEDIA_DIR (one server, or a shared volume).
     */
    MEDIA_STORE: z.enum(["postgres", "disk"]).default("postgres"),
    /** The folder of MEDIA_STORE=disk; defaults to `<DATA_DIR>/media`. */
    MEDIA_DIR: z.string().min(1).optional(),
    /**
     * Proxies in front of the app that append to X-Forwarded-For; the client address is the entry
     * the outermost one added. 0 (no proxy) ignores the header, which any client can write.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** When set, GET /api/metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /**
     * Local testing only: lets webhook endpoints use plain http and private, loopback or
     * link-local addresses in production (lib/net/ssrf-guard.ts). Never set it on a public server.
     */
    WEBHOOK_ALLOW_PRIVATE: bool.default(false),

    /**
     * Who takes the money. `test` (default): the built-in simulated card provider (a pay page of
     * this app, test cards only), for development and tests. `stripe`: Stripe Checkout, which
     * needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.
     */
    PAYMENT_PROVIDER: z.enum(["test", "stripe"]).default("test"),
    /** The Stripe API key (`sk_live_…`, `sk_test_…` or a restricted `rk_…`). */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(live|test)_[A-Za-z0-9_]+$/, "must be a Stripe secret or restricted key (sk_… or rk_…)")
      .optional(),
    /** The signing secret of the webhook endpoint `/api/webhooks/stripe` (`whsec_…`). */
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9_+/=]+$/, "must be a Stripe webhook signing secret (whsec_…)").optional(),
    /**
     * Where the Stripe SDK sends its API calls instead of https://api.stripe.com: for tests
     * against a local stand-in of the endpoints Evently calls. Never set it in production.
     */
    STRIPE_API_BASE: z.url().optional(),
    /** How long one Stripe API call may take before it counts as failed and is retried with the same idempotency key. */
    STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
    /**
     * Set by the container image: a deployment must not take "payments" that move no money by
     * mistake, so the test provider is refused there unless ALLOW_TEST_PAYMENTS says it is meant.
     */
    REFUSE_TEST_PAYMENTS: bool.default(false),
    ALLOW_TEST_PAYMENTS: bool.default(false),

    /** Days kept before the daily retention job deletes; 0 keeps forever. */
    RETENTION_AUDIT_DAYS: retentionDays(365),
    RETENTION_SECURITY_LOG_DAYS: retentionDays(180),
    RETENTION_ANALYTICS_EVENT_LOG_DAYS: retentionDays(90),
    RETENTION_IDEMPOTENCY_DAYS: retentionDays(2),
    RETENTION_MAILBOX_DAYS: retentionDays(7),
    /** Webhook deliveries that are settled (delivered or given up); pending and retrying ones are kept. */
    RETENTION_WEBHOOK_DELIVERIES_DAYS: retentionDays(30),
    /** Dispatched outbox rows and finished (completed or dead) job runs. */
    RETENTION_JOBS_DAYS: retentionDays(14),
  })
  .refine((e) => !e.UPSTASH_REDIS_REST_URL === !e.UPSTASH_REDIS_REST_TOKEN, {
    path: ["UPSTASH_REDIS_REST_TOKEN"],
    message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together",
  })
  .refine((e) => !(e.REFUSE_TEST_PAYMENTS && e.PAYMENT_PROVIDER === "test" && !e.ALLOW_TEST_PAYMENTS), {
    path: ["PAYMENT_PROVIDER"],
    message: "is the test provider, which takes no real money: set a real provider, or ALLOW_TEST_PAYMENTS=true for a demo or test deployment",
  })
  .refine((e) => e.PAYMENT_PROVIDER !== "stripe" || e.STRIPE_SECRET_KEY, {
    path: ["STRIPE_SECRET_KEY"],
    message: "is required when PAYMENT_PROVIDER=stripe",
  })
  .refine((e) => e.PAYMENT_PROVIDER !== "stripe" || e.STRIPE_WEBHOOK_SECRET, {
    path: ["STRIPE_WEBHOOK_SECRET"],
    message: "is required when PAYMENT_PROVIDER=stripe (the signing secret of the /api/webhooks/stripe endpoint)",
  })
  .refine((e) => !e.REQUIRE_AUTH_SECRET || e.AUTH_SECRET, {
    path: ["AUTH_SECRET"],
    message: "is required in this deployment (REQUIRE_AUTH_SECRET is set)",
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; APP_URL: string; CACHE_NAMESPACE: string; MEDIA_DIR: string };

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

/** A short digest of where the data lives (host, port, database), without the credentials. */
function databaseNamespace(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "local";
  const u = new URL(databaseUrl);
  return createHash("sha256").update(`${u.hostname}:${u.port || "5432"}${u.pathname}`).digest("base64url").slice(0, 12);
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
    CACHE_NAMESPACE: e.CACHE_NAMESPACE ?? databaseNamespace(e.DATABASE_URL),
    MEDIA_DIR: e.MEDIA_DIR ?? path.join(e.DATA_DIR, "media"),
  };
}

export const env: Env = parseEnv(process.env);
