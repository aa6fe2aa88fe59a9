/** Lifetimes offered on the token form, keyed by days; "never" leaves the token without an expiry. */
export const TOKEN_LIFETIMES = { "30": "30 days", "90": "90 days", "365": "1 year", never: "No expiry" } as const;
