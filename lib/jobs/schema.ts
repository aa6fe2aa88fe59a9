import { sql } from "drizzle-orm";
import { bigserial, index, integer, primaryKey, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { platform } from "@/lib/db/platform-schema";

export { platform };

/**
 * Domain facts, written in the same transaction as the change that caused them. A row is
 * `dispatched_at` once it became job runs (in-process) or was accepted by an Inngest server;
 * until then a crash anywhere loses nothing. The id is also the Inngest event id, so a re-send
 * after a crash is deduplicated by Inngest.
 */
export const outbox = platform.table(
  "outbox",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    requestId: text("request_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the row was written: the moment it became work (`occurred_at` may be older, e.g. seeded history). */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_undispatched_idx").on(t.occurredAt).where(sql`${t.dispatchedAt} is null`),
    index("outbox_name_idx").on(t.name),
    // Retention and history pruning delete dispatched rows by age.
    index("outbox_dispatched_at_idx").on(t.dispatchedAt).where(sql`${t.dispatchedAt} is not null`),
  ],
);

export const jobRunStatus = platform.enum("job_run_status", ["queued", "running", "completed", "dead"]);
export type JobRunStatus = (typeof jobRunStatus.enumValues)[number];

/** A step's memoized outcome, in the shape the Inngest SDK expects back in `steps`. */
export type StoredStep = { type: "data"; data: unknown } | { type: "error"; error: unknown };

/**
 * One execution of one function for one event (or one cron tick), with the step state an
 * Inngest server would keep. `locked_until` is a lease: a worker that dies mid-step stops
 * renewing it and another worker takes the run over once it lapses.
 */
export const jobRuns = platform.table(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    functionId: text("function_id").notNull(),
    outboxId: uuid("outbox_id").references(() => outbox.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    /** A batched run's events (`batchEvents`), oldest first; `event` is the first of them. */
    events: jsonb("events").$type<Record<string, unknown>[]>(),
    requestId: text("request_id").notNull(),
    status: jobRunStatus("status").notNull().default("queued"),
    steps: jsonb("steps").$type<Record<string, StoredStep>>().notNull().default({}),
    stepOrder: jsonb("step_order").$type<string[]>().notNull().default([]),
    attempt: integer("attempt").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** The `priority.run` factor in seconds (-600..600), evaluated once when the run was created. */
    priority: integer("priority").notNull().default(0),
    /**
     * Claim order, as Inngest scores its queue: the due time moved `priority` seconds earlier
     * (later when negative). UTC wall time, so the expression is immutable and indexable.
     */
    queueAt: timestamp("queue_at")
      .notNull()
      .generatedAlwaysAs(sql`(run_at at time zone 'UTC') - priority * interval '1 second'`),
    /** One evaluated key per `concurrency` limit of the function, in declaration order. */
    concurrencyKeys: text("concurrency_keys").array().notNull().default(sql`'{}'::text[]`),
    /** The evaluated `throttle` key; null when the function has no throttle. */
    throttleKey: text("throttle_key"),
    /** First claim: throttling counts starts, and a run starts once. */
    startedAt: timestamp("started_at", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: jsonb("last_error").$type<Record<string, unknown>>(),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    unique("job_runs_function_outbox_unique").on(t.functionId, t.outboxId),
    unique("job_runs_function_scheduled_unique").on(t.functionId, t.scheduledAt),
    index("job_runs_outbox_id_idx").on(t.outboxId),
    index("job_runs_due_idx").on(t.runAt).where(sql`${t.status} in ('queued', 'running')`),
    index("job_runs_queue_idx").on(t.functionId, t.queueAt).where(sql`${t.status} in ('queued', 'running')`),
    // Steps executing per concurrency key: only running runs are counted.
    index("job_runs_running_keys_idx").using("gin", t.concurrencyKeys).where(sql`${t.status} = 'running'`),
    index("job_runs_status_finished_at_idx").on(t.status, t.finishedAt),
    index("job_runs_created_at_idx").on(t.createdAt),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;

/**
 * The next due tick of each cron-triggered function. Advancing `next_at` and creating the
 * tick's run happen in one transaction, so each tick runs once however many workers look.
 */
export const cronSchedules = platform.table(
  "cron_schedules",
  {
    functionId: text("function_id").notNull(),
    cron: text("cron").notNull(),
    nextAt: timestamp("next_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "cron_schedules_pk", columns: [t.functionId, t.cron] })],
);

/**
 * Jobs workers alive now: each writes its row at start and `last_seen_at` every few seconds, and
 * deletes it when it stops cleanly. A row whose beat is old belongs to a worker that died; the web
 * process reads these to say why jobs wait (health) and who runs them (admin).
 */
export const jobWorkers = platform.table(
  "job_workers",
  {
    /** The worker id its claims carry in `job_runs.locked_by`. */
    id: text("id").primaryKey(),
    host: text("host").notNull(),
    pid: integer("pid").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_workers_last_seen_at_idx").on(t.lastSeenAt)],
);

export type JobWorker = typeof jobWorkers.$inferSelect;

/**
 * Events waiting for a `batchEvents` run: each becomes part of exactly one run, in the
 * transaction that deletes it here and inserts that run. `due_at` is when the oldest event of a
 * batch has waited `timeout`.
 */
export const jobBatchItems = platform.table(
  "job_batch_items",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    functionId: text("function_id").notNull(),
    batchKey: text("batch_key").notNull(),
    outboxId: uuid("outbox_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    requestId: text("request_id").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("job_batch_items_function_outbox_unique").on(t.functionId, t.outboxId),
    index("job_batch_items_group_idx").on(t.functionId, t.batchKey, t.seq),
    index("job_batch_items_due_at_idx").on(t.dueAt),
  ],
);

/** GCRA state of each `throttle` key: the theoretical arrival time of the next start. */
export const jobThrottles = platform.table("job_throttles", {
  key: text("key").primaryKey(),
  tat: timestamp("tat", { withTimezone: true }).notNull(),
});
