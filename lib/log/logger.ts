import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

export type { Logger };

/** Root logger: JSON lines on stdout. Secrets are redacted wherever they might slip into a log object. */
export const logger: Logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "evently" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "accessToken",
      "*.accessToken",
      "refreshToken",
      "*.refreshToken",
      "code",
      "*.code",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export function loggerFor(bindings: { requestId: string; [key: string]: unknown }): Logger {
  return logger.child(bindings);
}
