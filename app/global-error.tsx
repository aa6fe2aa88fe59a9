"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>Something went wrong</h1>
        <p>Please try again. Reference: {error.digest ?? "n/a"}.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
