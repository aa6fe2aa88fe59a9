"use client";

import { useState } from "react";

/** The phone's share sheet where the browser has one (Web Share API), else the link copied. */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);

  async function share() {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The visitor closed the sheet: nothing to do. Anything else falls back to copying.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={share} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Share
      </button>
      <span role="status" className="text-xs text-slate-600">
        {copied === "copied" ? "Link copied." : copied === "failed" ? `Copy this link: ${url}` : ""}
      </span>
    </span>
  );
}
