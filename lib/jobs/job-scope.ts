import { AsyncLocalStorage } from "node:async_hooks";
import type { DbOrTx } from "@/lib/db/client";

/** What an in-process run lends the code it calls: the worker's database handle. */
export type JobScope = { db: DbOrTx };

const storage = new AsyncLocalStorage<JobScope>();

export function runInJobScope<T>(scope: JobScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export function currentJobScope(): JobScope | undefined {
  return storage.getStore();
}
