/** What a security event's type reads as in the filter menu. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  sign_in_succeeded: "Signed in",
  sign_in_failed: "Sign-in failed",
  sign_in_rate_limited: "Sign-in slowed down",
  email_verified: "Email verified",
  refresh_token_reused: "Refresh token reused",
  session_revoked: "Session ended",
  role_changed: "Role changed",
};

const REASONS: Record<string, string> = {
  wrong_password: "the password was wrong",
  unknown_email: "no account has this email address",
  revoked_by_user: "the user ended it from their account page",
  sign_out: "the user signed out",
  unverified_account_re_registered: "someone registered the unverified address again",
};

export function securityEventLabel(type: string): string {
  return SECURITY_EVENT_LABELS[type] ?? type.replaceAll("_", " ");
}

/**
 * The security log as sentences an admin reads: who did what and why, from the event's recorded
 * details, never its raw JSON. Types this page does not know yet still read as words.
 */
export function securitySentence(event: { type: string; email: string | null; details: Record<string, unknown> }): string {
  const who = event.email ?? "An unknown account";
  const d = event.details;
  const reason = typeof d.reason === "string" ? (REASONS[d.reason] ?? d.reason.replaceAll("_", " ")) : null;
  switch (event.type) {
    case "sign_in_succeeded":
      return `${who} signed in${d.kind === "api" ? " through the API" : d.kind === "web" ? " on the website" : ""}.`;
    case "sign_in_failed":
      return `A sign-in as ${event.email ?? "an unknown address"} failed${reason ? `: ${reason}` : ""}.`;
    case "sign_in_rate_limited":
      return `Sign-ins as ${event.email ?? "this address"} were refused for a while after too many attempts.`;
    case "email_verified":
      return `${who} confirmed their email address.`;
    case "refresh_token_reused":
      return `An old refresh token of ${who} was used again${d.sessionRevoked ? ", so its session was ended" : ""}.`;
    case "session_revoked": {
      const count = typeof d.sessions === "number" ? `${d.sessions} ${d.sessions === 1 ? "session" : "sessions"}` : "A session";
      return `${count} of ${who} ended${reason ? ` because ${reason}` : ""}.`;
    }
    case "role_changed":
      return `${who} became ${String(d.to ?? "another role")}${d.from ? ` (was ${String(d.from)})` : ""}.`;
    default:
      return `${securityEventLabel(event.type)}: ${who}${reason ? ` (${reason})` : ""}.`;
  }
}
