"use client";

import { useId, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

type Cover = { url: string; srcset: string };

type Props = { eventId: string; initial: Cover | null; maxBytes: number; accepted: string };

/**
 * Uploads the chosen file at once (the text fields are saved separately, so a cover never waits
 * on them) and shows the stored image; the server checks type, size and pixels again.
 */
export function CoverImageField({ eventId, initial, maxBytes, accepted }: Props) {
  const inputId = useId();
  const [cover, setCover] = useState<Cover | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/dashboard/events/${eventId}/cover`, { method, body: file, headers: file ? { "content-type": file.type || "application/octet-stream" } : {} });
      const body = (await res.json().catch(() => ({}))) as { coverImage?: Cover | null; detail?: string };
      if (!res.ok) setError(body.detail ?? "The image could not be saved. Try again.");
      else setCover(body.coverImage ?? null);
    } catch {
      setError("The image could not be sent. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  function choose(file: File | undefined) {
    if (!file) return;
    if (file.size > maxBytes) {
      setError(`That file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`);
      return;
    }
    void send("PUT", file);
  }

  return (
    <section className="space-y-3" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="text-sm font-medium text-slate-900">
        Cover image
      </h2>
      {cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- the files are already resized; next/image would resize them again
        <img src={cover.url} srcSet={cover.srcset} sizes="(min-width: 640px) 36rem, 100vw" alt="Current cover image" className="aspect-[2/1] w-full max-w-xl rounded-lg object-cover" data-testid="cover-preview" />
      ) : (
        <p className="text-sm text-slate-600">No cover yet. A wide photo (2:1) looks best.</p>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={inputId} className="text-sm text-slate-700">
          {cover ? "Replace the image" : "Choose an image"}
        </label>
        <input
          id={inputId}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          disabled={busy}
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = "";
          }}
          className="text-sm"
        />
        {cover ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => void send("DELETE")}>
            Remove cover
          </Button>
        ) : null}
        {busy ? <span className="text-sm text-slate-600" role="status">Saving the image…</span> : null}
      </div>
      <p className="text-xs text-slate-500">
        {accepted}, up to {maxBytes / 1024 / 1024} MB. Location and camera details are removed.
      </p>
    </section>
  );
}
