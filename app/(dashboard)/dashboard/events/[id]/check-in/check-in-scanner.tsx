"use client";

import type { IScannerControls } from "@zxing/browser";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { checkInAction, checkInStatsAction } from "./actions";
import { actionScanSender, localScanStore, queueScan, syncQueuedScans, Unreachable, type ScanOutcome, type SyncReport } from "./scan-queue";

type Shown = { tone: "in" | "refused" | "queued"; outcome?: ScanOutcome; ticketCode: string };

/** How long the same code is ignored after it was read, so a QR code held before the camera is not sent again at once. */
const SAME_CODE_PAUSE_MS = 3000;
const SYNC_EVERY_MS = 15_000;

const REFUSAL_TITLES: Record<string, string> = {
  ALREADY_CHECKED_IN: "Already checked in",
  TICKET_NOT_VALID: "Ticket not valid",
  TICKET_NOT_FOUND: "Unknown ticket",
};

/**
 * The door's scanner: the camera reads ticket QR codes (typing the code works too), each scan is
 * decided by the server and shown large in green or red, with a buzz and a beep where the
 * device allows. Without a network a scan is kept on the phone and sent with its scan time
 * once the network is back; what the server refused then is listed.
 */
export function CheckInScanner({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const controlsRef = useRef<IScannerControls | null>(null);
  const audioRef = useRef<AudioContext | null>(null);
  const lastRead = useRef<{ code: string; at: number } | null>(null);
  const syncing = useRef(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [camera, setCamera] = useState<"off" | "starting" | "on" | "failed">("off");
  const [queued, setQueued] = useState(0);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [stats, setStats] = useState<{ checkedIn: number; tickets: number } | null>(null);
  const [manualCode, setManualCode] = useState("");

  const time = useCallback((iso: string) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(iso)), [timeZone]);

  const refreshStats = useCallback(async () => {
    const form = new FormData();
    form.set("eventId", eventId);
    const answer = await checkInStatsAction(null, form).catch(() => null);
    if (answer?.ok) setStats(answer.data);
  }, [eventId]);

  const sync = useCallback(async () => {
    const store = localScanStore(eventId);
    setQueued(store.read().length);
    if (syncing.current || store.read().length === 0) return;
    syncing.current = true;
    try {
      const result = await syncQueuedScans(store, actionScanSender(eventId, checkInAction));
      setQueued(result.waiting);
      if (result.admitted.length + result.refused.length > 0) {
        setReport(result);
        void refreshStats();
      }
    } finally {
      syncing.current = false;
    }
  }, [eventId, refreshStats]);

  const signal = useCallback((ok: boolean) => {
    navigator.vibrate?.(ok ? 120 : [80, 60, 80, 60, 200]);
    const audio = audioRef.current;
    if (!audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = ok ? 880 : 220;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (ok ? 0.15 : 0.45));
  }, []);

  const check = useCallback(
    async (raw: string) => {
      const ticketCode = raw.trim();
      if (!ticketCode) return;
      const now = Date.now();
      if (lastRead.current && lastRead.current.code === ticketCode && now - lastRead.current.at < SAME_CODE_PAUSE_MS) return;
      lastRead.current = { code: ticketCode, at: now };
      const keepForLater = () => {
        queueScan(localScanStore(eventId), ticketCode, new Date(now));
        setQueued(localScanStore(eventId).read().length);
        setShown({ tone: "queued", ticketCode });
        navigator.vibrate?.([40, 40, 40]);
      };
      if (!navigator.onLine) return keepForLater();
      try {
        const outcome = await actionScanSender(eventId, checkInAction)({ ticketCode });
        setShown({ tone: outcome.kind === "admitted" ? "in" : "refused", outcome, ticketCode });
        signal(outcome.kind === "admitted");
        if (outcome.kind === "admitted") void refreshStats();
        // The network works: whatever waits on the phone can go now.
        void sync();
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
        keepForLater();
      } finally {
        // The pause counts from the answer, so a slow answer is not followed at once by a repeat.
        if (lastRead.current?.code === ticketCode) lastRead.current = { code: ticketCode, at: Date.now() };
      }
    },
    [eventId, refreshStats, signal, sync],
  );

  useEffect(() => {
    const tick = () => {
      void sync();
      void refreshStats();
    };
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, SYNC_EVERY_MS);
    const online = () => void sync();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      window.clearTimeout(first);
      window.clearInterval(timer);
      controlsRef.current?.stop();
    };
  }, [refreshStats, sync]);

  async function startCamera() {
    // Created in a tap: browsers only let a page make sound after one.
    audioRef.current ??= new AudioContext();
    setCamera("starting");
    try {
      const { BrowserQRCodeReader } = await import("@zxing/browser");
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      controlsRef.current = await reader.decodeFromConstraints({ video: { facingMode: "environment" } }, videoRef.current!, (result) => {
        if (result) void check(result.getText());
      });
      setCamera("on");
    } catch {
      setCamera("failed");
    }
  }

  function stopCamera() {
    controlsRef.current?.stop();
    controlsRef.current = null;
    setCamera("off");
  }

  return (
    <div className="space-y-4">
      <ScanResult shown={shown} time={time} />

      <section aria-labelledby="camera-heading" className="space-y-2">
        <h2 id="camera-heading" className="sr-only">
          Camera
        </h2>
        <video ref={videoRef} muted playsInline aria-label="Camera view" className={`aspect-[4/3] w-full rounded-lg bg-slate-900 object-cover ${camera === "on" || camera === "starting" ? "" : "hidden"}`} />
        {camera === "on" || camera === "starting" ? (
          <Button variant="secondary" className="w-full" onClick={stopCamera}>
            Stop camera
          </Button>
        ) : (
          <Button className="w-full py-3 text-base" onClick={startCamera}>
            Start camera
          </Button>
        )}
        {camera === "failed" ? <p className="text-sm text-red-700">The camera could not be started. Allow camera access, or type the code below.</p> : null}
      </section>

      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          audioRef.current ??= new AudioContext();
          lastRead.current = null;
          void check(manualCode);
          setManualCode("");
        }}
      >
        <label htmlFor="ticket-code" className="sr-only">
          Ticket code
        </label>
        <input
          id="ticket-code"
          value={manualCode}
          onChange={(e) => setManualCode(e.target.value)}
          placeholder="Ticket code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm uppercase"
        />
        <Button type="submit">Check in</Button>
      </form>

      <p className="text-sm text-slate-700" data-testid="check-in-count">
        {stats ? `${stats.checkedIn} of ${stats.tickets} tickets checked in` : "\u00a0"}
        {queued > 0 ? ` · ${queued} scan${queued === 1 ? "" : "s"} waiting for the network` : ""}
      </p>

      {report && report.refused.length > 0 ? (
        <section aria-labelledby="sync-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-3">
          <h2 id="sync-heading" className="text-sm font-semibold text-amber-900">
            Offline scans refused when synced
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-amber-900" data-testid="sync-conflicts">
            {report.refused.map((r, i) => (
              <li key={i}>
                <span className="font-mono">{r.ticketCode}</span>: {r.kind === "refused" ? refusalLine(r, time) : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function refusalLine(r: Extract<ScanOutcome, { kind: "refused" }>, time: (iso: string) => string): string {
  if (r.code === "ALREADY_CHECKED_IN" && r.checkedInAt) return `already checked in at ${time(r.checkedInAt)}${r.checkedInBy ? ` by ${r.checkedInBy}` : ""}`;
  return r.detail;
}

function ScanResult({ shown, time }: { shown: Shown | null; time: (iso: string) => string }) {
  const box = "flex min-h-40 flex-col items-center justify-center rounded-xl p-4 text-center";
  if (!shown) {
    return (
      <div role="status" aria-live="polite" className={`${box} border-2 border-dashed border-slate-300 text-slate-600`}>
        Scan a ticket&apos;s QR code or type its code.
      </div>
    );
  }
  const o = shown.outcome;
  if (shown.tone === "queued" || !o) {
    return (
      <div role="status" aria-live="polite" data-testid="scan-result" data-result="queued" className={`${box} bg-amber-500 text-slate-950`}>
        <p className="text-2xl font-bold">Saved offline</p>
        <p className="mt-1 font-mono text-sm">{shown.ticketCode}</p>
        <p className="mt-1 text-sm">Checked when the network is back.</p>
      </div>
    );
  }
  if (o.kind === "admitted") {
    return (
      <div role="status" aria-live="polite" data-testid="scan-result" data-result="in" className={`${box} bg-green-700 text-white`}>
        <p className="text-3xl font-bold">Checked in</p>
        <p className="mt-2 text-xl font-semibold">{o.holderName}</p>
        <p className="text-base">{o.ticketType}</p>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" data-testid="scan-result" data-result="refused" className={`${box} bg-red-700 text-white`}>
      <p className="text-3xl font-bold">{REFUSAL_TITLES[o.code] ?? "Not admitted"}</p>
      {o.ticketType ? <p className="mt-2 text-base">{o.ticketType}</p> : null}
      <p className="mt-1 text-base">{refusalLine(o, time)}</p>
    </div>
  );
}
