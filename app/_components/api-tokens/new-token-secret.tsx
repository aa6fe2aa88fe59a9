"use client";

import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

/** The secret, shown once, with a copy button: it cannot be shown again after this page changes. */
export function NewTokenSecret({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p className="font-medium">Your token “{name}” is ready. Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-token" className="min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs [overflow-wrap:anywhere]">
          {token}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Alert>
  );
}
