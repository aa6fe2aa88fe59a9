import { Alert } from "@/app/_components/ui/alert";
import type { ActionState } from "@/lib/web/action";

/** The form-level error of an action's answer, if any. */
export function FormError({ state }: { state: ActionState | null }) {
  if (!state || state.ok || !state.formError) return null;
  return <Alert tone="error">{state.formError}</Alert>;
}
