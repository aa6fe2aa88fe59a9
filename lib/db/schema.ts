/**
 * Every table, for the drizzle client's type and relational queries. Each domain owns its own
 * schema module; this file only gathers them (add one line per new schema module).
 */
export * from "@/lib/jobs/schema";
export * from "@/lib/mail/schema";
export * from "@/lib/domain/auth/schema";
export * from "@/lib/domain/analytics/schema";
export * from "@/lib/domain/bookings/schema";
export * from "@/lib/domain/events/schema";
export * from "@/lib/domain/media/schema";
export * from "@/lib/domain/webhooks/schema";
export * from "@/lib/domain/payments/schema";
export * from "@/lib/domain/organizations/schema";
