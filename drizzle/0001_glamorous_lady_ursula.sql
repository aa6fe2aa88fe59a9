CREATE TYPE "platform"."job_run_status" AS ENUM('queued', 'running', 'completed', 'dead');--> statement-breakpoint
CREATE TABLE "platform"."cron_schedules" (
	"function_id" text NOT NULL,
	"cron" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cron_schedules_pk" PRIMARY KEY("function_id","cron")
);
--> statement-breakpoint
CREATE TABLE "platform"."job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" text NOT NULL,
	"outbox_id" uuid,
	"scheduled_at" timestamp with time zone,
	"event" jsonb NOT NULL,
	"request_id" text NOT NULL,
	"status" "platform"."job_run_status" DEFAULT 'queued' NOT NULL,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"step_order" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" jsonb,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_function_outbox_unique" UNIQUE("function_id","outbox_id"),
	CONSTRAINT "job_runs_function_scheduled_unique" UNIQUE("function_id","scheduled_at")
);
--> statement-breakpoint
CREATE TABLE "platform"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"request_id" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "platform"."job_runs" ADD CONSTRAINT "job_runs_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "platform"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_outbox_id_idx" ON "platform"."job_runs" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "job_runs_due_idx" ON "platform"."job_runs" USING btree ("run_at") WHERE "platform"."job_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "job_runs_status_finished_at_idx" ON "platform"."job_runs" USING btree ("status","finished_at");--> statement-breakpoint
CREATE INDEX "job_runs_created_at_idx" ON "platform"."job_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_undispatched_idx" ON "platform"."outbox" USING btree ("occurred_at") WHERE "platform"."outbox"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_name_idx" ON "platform"."outbox" USING btree ("name");