import { can } from "@/lib/domain/auth";
import type { Actor } from "@/lib/domain/context";
import { env } from "@/lib/env";
import { mailTransport } from "./transport";

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

/**
 * Anyone may read the dev mailbox only while nobody but this machine can reach the server: it
 * listens on loopback alone and no proxy forwards to it (a proxy on the same host would make a
 * loopback server public). `DEV_MAILBOX=open` opens it anyway (a shared test box),
 * `DEV_MAILBOX=admin` closes it even on loopback.
 */
export function devMailboxIsOpen(): boolean {
  if (env.DEV_MAILBOX) return env.DEV_MAILBOX === "open";
  // HOST unset means this process was not started through npm start: where it listens is not known.
  return env.HOST !== undefined && LOOPBACK_HOSTS.has(env.HOST.toLowerCase()) && env.TRUSTED_PROXY_HOPS === 0;
}

/**
 * The mailbox exists only while mail is stored instead of delivered; then it holds every
 * verification code, so beyond an open mailbox only admins read it.
 */
export function mayReadDevMailbox(actor: Actor): boolean {
  if (mailTransport() !== "mailbox") return false;
  return devMailboxIsOpen() || can(actor, "dev-mailbox:read");
}
