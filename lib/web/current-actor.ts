import type { Actor } from "@/lib/domain/context";

/** The actor behind the current page render or server action (the web session). */
export async function currentActor(): Promise<Actor> {
  return { type: "anonymous" };
}
