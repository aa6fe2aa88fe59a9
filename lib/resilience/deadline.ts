/**
 * Settles like `work`, or rejects once `ms` have passed, whichever comes first. The work itself
 * is not cancelled (a hung socket stays hung); the caller just stops waiting for it.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, timeoutError: () => Error = () => new Error(`no answer within ${ms} ms`)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
