CREATE TABLE "platform"."job_batch_items" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"batch_key" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"event" jsonb NOT NULL,
	"request_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_batch_items_function_outbox_unique" UNIQUE("function_id","outbox_id")
);
--> statement-breakpoint
CREATE TABLE "platform"."job_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "events" jsonb;--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "queue_at" timestamp GENERATED ALWAYS AS ((run_at at time zone 'UTC') - priority * interval '1 second') STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "concurrency_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "throttle_key" text;--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform"."outbox" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "job_batch_items_group_idx" ON "platform"."job_batch_items" USING btree ("function_id","batch_key","seq");--> statement-breakpoint
CREATE INDEX "job_batch_items_due_at_idx" ON "platform"."job_batch_items" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "job_runs_queue_idx" ON "platform"."job_runs" USING btree ("function_id","queue_at") WHERE "platform"."job_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "job_runs_running_keys_idx" ON "platform"."job_runs" USING gin ("concurrency_keys") WHERE "platform"."job_runs"."status" = 'running';