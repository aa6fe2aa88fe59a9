import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z, type ZodType } from "zod";
import { getDb } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { isDomainError } from "@/lib/domain/errors";
import { requestIdFrom } from "@/lib/http/request-id";
import { loggerFor } from "@/lib/log/logger";
import { currentActor } from "./current-actor";

/** What a server action hands back to `useActionState`: every field error, and the submitted values to refill the form. */
export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; code?: string };

/** Never echo secrets back into a form. */
const SECRET_FIELD = /password|secret|token|code/i;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION") || typeof value !== "string" || key in values) continue;
    values[key] = value;
  }
  return values;
}

function echoable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));
}

function firstErrorPerField(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Wraps a server action like withApi wraps a route: request id, logger, actor, zod parsing of
 * the form, and the mapping of domain errors to form errors. `redirect()` inside `fn` works.
 */
export function action<S extends ZodType, T>(
  schema: S,
  fn: (args: { input: z.output<S>; ctx: Ctx }) => Promise<T>,
): (prev: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>> {
  return async (_prev, formData) => {
    const values = formValues(formData);
    const requestId = requestIdFrom(await headers().catch(() => new Headers()));
    const log = loggerFor({ requestId });
    try {
      // Postgres text cannot hold U+0000: refused here as bad input rather than failing in a query.
      const withNul = Object.entries(values).find(([key, value]) => key.includes("\u0000") || value.includes("\u0000"));
      if (withNul) return { ok: false, fieldErrors: { [withNul[0]]: "Remove the NUL character from this field." }, values: echoable(values) };
      const parsed = schema.safeParse(values);
      if (!parsed.success) return { ok: false, fieldErrors: firstErrorPerField(parsed.error), values: echoable(values) };
      const ctx: Ctx = { actor: await currentActor(), db: getDb(), requestId, log, now: () => new Date() };
      const data = await fn({ input: parsed.data, ctx });
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ZodError) return { ok: false, fieldErrors: firstErrorPerField(error), values: echoable(values) };
      if (isDomainError(error)) {
        const fieldErrors = Object.fromEntries(error.fieldErrors.map((f) => [f.path, f.message]));
        return {
          ok: false,
          code: error.code,
          formError: error.fieldErrors.length ? undefined : error.message,
          fieldErrors,
          values: echoable(values),
        };
      }
      log.error({ err: error }, "action.failed");
      return { ok: false, formError: "Something went wrong on our side. Please try again.", values: echoable(values) };
    }
  };
}
