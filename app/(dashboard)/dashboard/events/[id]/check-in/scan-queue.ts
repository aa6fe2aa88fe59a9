/**
 * The scanner's side of check-in: one scan sent to the server, and scans made while the venue's
 * network was down kept on the device (localStorage, per event) and sent later with the time
 * they were made. The server decides every scan, so a queued scan of a ticket that got in
 * meanwhile (at another door, or twice at this one) comes back as a reported conflict.
 */
export type ScanOutcome =
  | { kind: "admitted"; ticketCode: string; holderName: string; ticketType: string; checkedInAt: string }
  | { kind: "refused"; ticketCode: string; code: string; detail: string; ticketType: string | null; checkedInAt: string | null; checkedInBy: string | null };

export type QueuedScan = { id: string; ticketCode: string; scannedAt: string };

/** The network (or the server) could not be reached: keep the scan for later. */
export class Unreachable extends Error {}

export type SendScan = (scan: { ticketCode: string; scannedAt?: string }) => Promise<ScanOutcome>;

export type ScanStore = { read(): QueuedScan[]; write(scans: QueuedScan[]): void };

export type SyncReport = { admitted: ScanOutcome[]; refused: ScanOutcome[]; waiting: number };

type ActionAnswer = { ok: true; data: ScanOutcome } | { ok: false; formError?: string; code?: string };

/**
 * Sends scans through the scanner's server action (the page is signed in with a session, which
 * the bearer-token API does not take); a request that cannot get through is Unreachable.
 */
export function actionScanSender(eventId: string, checkIn: (prev: null, form: FormData) => Promise<ActionAnswer>): SendScan {
  return async ({ ticketCode, scannedAt }) => {
    const form = new FormData();
    form.set("eventId", eventId);
    form.set("ticketCode", ticketCode);
    if (scannedAt) form.set("scannedAt", scannedAt);
    let answer: ActionAnswer;
    try {
      answer = await checkIn(null, form);
    } catch {
      throw new Unreachable("offline");
    }
    if (answer.ok) return answer.data;
    return { kind: "refused", ticketCode, code: answer.code ?? "REFUSED", detail: answer.formError ?? "This scan was refused.", ticketType: null, checkedInAt: null, checkedInBy: null };
  };
}

/** The device's queue for one event, in localStorage (which survives a reload and a closed tab). */
export function localScanStore(eventId: string, storage: Storage = localStorage): ScanStore {
  const key = `evently:check-in-queue:${eventId}`;
  return {
    read: () => {
      try {
        const scans = JSON.parse(storage.getItem(key) ?? "[]") as unknown;
        return Array.isArray(scans) ? (scans as QueuedScan[]) : [];
      } catch {
        return [];
      }
    },
    write: (scans) => (scans.length === 0 ? storage.removeItem(key) : storage.setItem(key, JSON.stringify(scans))),
  };
}

export function memoryScanStore(): ScanStore {
  let scans: QueuedScan[] = [];
  return { read: () => scans, write: (next) => void (scans = next) };
}

export function queueScan(store: ScanStore, ticketCode: string, scannedAt: Date): QueuedScan {
  const scan = { id: crypto.randomUUID(), ticketCode, scannedAt: scannedAt.toISOString() };
  store.write([...store.read(), scan]);
  return scan;
}

/**
 * Sends the queued scans oldest first. Each one leaves the queue once the server has answered
 * it (admitted or refused); at the first one that cannot reach the server the rest wait for
 * the next try. Every refusal is reported: a queued scan cannot have been checked at the door.
 */
export async function syncQueuedScans(store: ScanStore, send: SendScan): Promise<SyncReport> {
  const report: SyncReport = { admitted: [], refused: [], waiting: 0 };
  for (const scan of store.read()) {
    let outcome: ScanOutcome;
    try {
      outcome = await send({ ticketCode: scan.ticketCode, scannedAt: scan.scannedAt });
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      report.waiting = store.read().length;
      return report;
    }
    store.write(store.read().filter((s) => s.id !== scan.id));
    (outcome.kind === "admitted" ? report.admitted : report.refused).push(outcome);
  }
  return report;
}
