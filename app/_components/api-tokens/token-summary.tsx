import type { ReactNode } from "react";
import { API_SCOPE_LABELS, type ApiScope } from "@/lib/domain/auth";
import { utcStamp } from "@/lib/format/utc-stamp";

type TokenFacts = { name: string; scopes: readonly ApiScope[]; lastUsedAt: Date | null; lastUsedIp: string | null; expiresAt: Date | null };

const when = (at: Date) => `${utcStamp(at, "minute")} UTC`;

/**
 * What a token list says about one token, personal or an organization's: its name (and whether
 * it has expired), what it may do, where it was last used and when it stops working.
 */
export function TokenSummary({ token, now, children }: { token: TokenFacts; now: Date; children?: ReactNode }) {
  const expired = token.expiresAt !== null && token.expiresAt <= now;
  return (
    <div className="min-w-0 text-sm [overflow-wrap:anywhere]">
      <p className="font-medium">
        {token.name}
        {expired ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">expired</span> : null}
      </p>
      <p className="text-slate-600">{token.scopes.map((s) => API_SCOPE_LABELS[s] ?? s).join(" · ")}</p>
      <p className="text-slate-600">
        {token.lastUsedAt ? `Last used ${when(token.lastUsedAt)} from ${token.lastUsedIp || "an unknown address"}` : "Never used"} ·{" "}
        {token.expiresAt ? `${expired ? "expired" : "expires"} ${when(token.expiresAt)}` : "no expiry"}
      </p>
      {children}
    </div>
  );
}
