import QRCode from "qrcode";

/** A ticket code as a QR code, rendered to SVG on the server (no client JS, prints sharply). */
export async function TicketQr({ code, size = 128 }: { code: string; size?: number }) {
  const svg = await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: size });
  return (
    <figure className="inline-flex flex-col items-center gap-1">
      <div role="img" aria-label={`QR code for ticket ${code}`} style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="font-mono text-xs tracking-wider text-slate-700" data-testid="ticket-code">
        {code}
      </figcaption>
    </figure>
  );
}
