import { useState } from "react";

/** The idempotency key a form sends, and the answer that was current when it was chosen. */
export type Attempt<A> = { key: string; answer: A };

/**
 * The key of the next submission: the same one while no new answer has come back (a double
 * click or a resent form books once), a new one after every answer, so lowering the quantity
 * after a refusal, or trying again once seats free up, is a new request and not a replay.
 */
export function nextAttempt<A>(attempt: Attempt<A>, answer: A, newKey: () => string): Attempt<A> {
  return Object.is(answer, attempt.answer) ? attempt : { key: newKey(), answer };
}

/** 128 random bits; `getRandomValues` works on plain-http origins, where `randomUUID` does not exist. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key for the form's next submission, starting from the one the server rendered. */
export function useAttemptKey<A>(answer: A, firstKey: string): string {
  const [attempt, setAttempt] = useState<Attempt<A>>({ key: firstKey, answer });
  const next = nextAttempt(attempt, answer, newKey);
  // Adjusting state to a new answer during render: React re-renders at once with the new key.
  if (next !== attempt) setAttempt(next);
  return next.key;
}
