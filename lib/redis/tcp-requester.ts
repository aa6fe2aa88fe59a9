import { createHash } from "node:crypto";
import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import { createClient, ErrorReply, MultiErrorReply } from "redis";
import { withDeadline } from "@/lib/resilience/deadline";

/**
 * Lets the @upstash/redis client (REST in production) talk to a plain Redis over TCP, through
 * node-redis, so the app has one Redis API whatever the deployment. The Upstash wire format:
 * a request body is one command, or a list of commands for the ["pipeline"] and ["multi-exec"]
 * paths; each command answers `{ result }` or `{ error }`, and a batch answers the bare array.
 */

export type TcpRequesterOptions = {
  /** How long one connection attempt may take before it counts as failed. */
  connectTimeoutMs?: number;
  /** Upper bound of the backoff between reconnection attempts. */
  maxReconnectDelayMs?: number;
  /** How long a request waits for Redis's answer: a hung server must not hang the request. */
  replyTimeoutMs?: number;
};

export type TcpRequester = Requester & {
  readonly isReady: boolean;
  close(): Promise<void>;
};

/** Redis could not be reached or did not answer: callers degrade instead of failing. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

type CommandResult = { result?: unknown; error?: string };
type Command = readonly unknown[];

const CLOSE_GRACE_MS = 1_000;
const MAX_QUEUED_COMMANDS = 10_000;

export function createTcpRequester(url: string, options: TcpRequesterOptions = {}): TcpRequester {
  const { connectTimeoutMs = 1_000, maxReconnectDelayMs = 2_000, replyTimeoutMs = 2_000 } = options;
  const client = createClient({
    url,
    // @upstash/redis expects RESP2 shapes (HGETALL as a flat array); RESP3 maps would come back empty.
    RESP: 2,
    // Without this, commands sent while Redis is down wait in memory until it comes back.
    disableOfflineQueue: true,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, maxReconnectDelayMs) + Math.floor(Math.random() * 100),
    },
  });

  let lastError: Error | undefined;
  // An 'error' event without a listener would crash the process; the requests report it instead.
  client.on("error", (err: Error) => {
    lastError = err;
  });
  // connectTimeout covers the TCP connect only, not the handshake after it (SELECT, CLIENT SETINFO).
  const firstAttemptSettled = new Promise<void>((resolve) => {
    client.once("ready", resolve);
    client.once("error", () => resolve());
    setTimeout(resolve, connectTimeoutMs).unref();
  });
  client.connect().catch(() => {
    // Already reported through the 'error' event; reconnection continues in the background.
  });

  const scripts = createScriptRegistry();

  async function send(command: Command): Promise<unknown> {
    const args = command.map(String);
    const name = args[0]?.toLowerCase();
    if (name === "evalsha" || name === "evalsha_ro") return sendEvalsha(args);
    return client.sendCommand(scripts.rewrite(args));
  }

  /** Redis only knows the rewritten script's hash; its cache also empties on restart (NOSCRIPT). */
  async function sendEvalsha(args: string[]): Promise<unknown> {
    const known = scripts.byOriginalSha(args[1] ?? "");
    if (!known) return client.sendCommand(args);
    const rest = args.slice(2);
    try {
      return await client.sendCommand([args[0]!, known.sha, ...rest]);
    } catch (err) {
      if (!(err instanceof ErrorReply) || !err.message.startsWith("NOSCRIPT")) throw err;
      const evalName = args[0]!.toLowerCase() === "evalsha_ro" ? "EVAL_RO" : "EVAL";
      return client.sendCommand([evalName, known.script, ...rest]);
    }
  }

  /** A Redis error reply belongs to its command; anything else (connection lost) fails the request. */
  async function runOne(command: Command): Promise<CommandResult> {
    try {
      return { result: await send(command) };
    } catch (err) {
      if (err instanceof ErrorReply) return { error: err.message };
      throw err;
    }
  }

  async function runTransaction(commands: Command[]): Promise<CommandResult[]> {
    // node-redis chains MULTI…EXEC so no other request's command lands inside the transaction.
    const multi = client.multi();
    for (const command of commands) multi.addCommand(scripts.rewrite(command.map(String)));
    try {
      const replies = await multi.exec();
      return replies.map((result) => ({ result }));
    } catch (err) {
      if (err instanceof MultiErrorReply) {
        return err.replies.map((reply) => (reply instanceof ErrorReply ? { error: reply.message } : { result: reply }));
      }
      throw err;
    }
  }

  function execute(req: UpstashRequest): Promise<unknown> {
    const endpoint = req.path?.join("/") ?? "";
    if (endpoint === "") return runOne(req.body as Command);
    if (endpoint === "pipeline") return Promise.all((req.body as Command[]).map(runOne));
    if (endpoint === "multi-exec") return runTransaction(req.body as Command[]);
    return Promise.reject(new Error(`Redis over TCP does not support the Upstash "${endpoint}" endpoint`));
  }

  async function request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
    if (!client.isReady) {
      // Only the very first request can arrive while the first connection is still opening.
      await firstAttemptSettled;
      if (!client.isReady) {
        throw new RedisUnavailableError(`Redis is unreachable${lastError ? `: ${lastError.message}` : ""}`);
      }
    }
    return (await withinReplyTimeout(execute(req), replyTimeoutMs)) as UpstashResponse<TResult>;
  }

  async function close(): Promise<void> {
    if (!client.isOpen) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_GRACE_MS);
    });
    await Promise.race([client.close(), grace]);
    clearTimeout(timer);
    client.destroy();
  }

  return {
    request,
    close,
    get isReady() {
      return client.isReady;
    },
  };
}

function withinReplyTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return withDeadline(work, ms, () => new RedisUnavailableError(`Redis did not answer within ${ms} ms`));
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash
 * knows: Redis 7 rejects the script ("Unexpected flag in script shebang"). The flag is removed
 * (other flags kept, the line left in place so Lua error line numbers still match), which
 * changes the script's SHA1, so EVALSHA of the original hash is mapped to the rewritten one.
 */
function createScriptRegistry() {
  const rewritten = new Map<string, string>();
  const byOriginalSha = new Map<string, { sha: string; script: string }>();

  function withoutUpstashFlags(script: string): string {
    const cached = rewritten.get(script);
    if (cached !== undefined) return cached;
    const shebang = /^#!lua flags=([^\n]*)/.exec(script);
    const flags = shebang?.[1]?.split(",").map((flag) => flag.trim()) ?? [];
    if (!shebang || !flags.includes("allow-key-locking")) return script;
    const kept = flags.filter((flag) => flag !== "allow-key-locking" && flag !== "");
    const result = (kept.length > 0 ? `#!lua flags=${kept.join(",")}` : "") + script.slice(shebang[0].length);
    rewritten.set(script, result);
    byOriginalSha.set(sha1(script), { sha: sha1(result), script: result });
    return result;
  }

  return {
    /** Inside MULTI a NOSCRIPT cannot be retried, so EVALSHA is only mapped there. */
    rewrite(args: string[]): string[] {
      const name = args[0]?.toLowerCase();
      const second = args[1];
      if (second === undefined) return args;
      if (name === "evalsha" || name === "evalsha_ro") {
        const known = byOriginalSha.get(second);
        return known ? [args[0]!, known.sha, ...args.slice(2)] : args;
      }
      if ((name !== "eval" && name !== "eval_ro") || !second.startsWith("#!lua")) return args;
      const result = withoutUpstashFlags(second);
      return result === second ? args : [args[0]!, result, ...args.slice(2)];
    },
    byOriginalSha: (sha: string) => byOriginalSha.get(sha),
  };
}
