"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/app/_components/ui/button";

/** A submit button that says it is working while its form's action runs. */
export function SubmitButton({ children, pendingLabel, variant }: { children: string; pendingLabel: string; variant?: "primary" | "secondary" | "danger" | "ghost" }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} variant={variant}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
