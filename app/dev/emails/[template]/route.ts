import { isEmailTemplateName, previewEmail } from "@/emails/render";
import { mailTransport } from "@/lib/mail/transport";

/** Developer preview of one email template with its preview props (mailbox mode only). */
export async function GET(req: Request, { params }: { params: Promise<{ template: string }> }) {
  const { template } = await params;
  if (mailTransport() !== "mailbox" || !isEmailTemplateName(template)) return new Response("Not found", { status: 404 });
  const email = await previewEmail(template);
  const asText = new URL(req.url).searchParams.get("format") === "text";
  return new Response(asText ? email.text : email.html, {
    headers: { "content-type": asText ? "text/plain; charset=utf-8" : "text/html; charset=utf-8" },
  });
}
