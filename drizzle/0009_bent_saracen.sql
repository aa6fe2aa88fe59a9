CREATE INDEX "event_log_applied_at_idx" ON "analytics"."event_log" USING btree ("applied_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "bookings"."audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_dispatched_at_idx" ON "platform"."outbox" USING btree ("dispatched_at") WHERE "platform"."outbox"."dispatched_at" is not null;