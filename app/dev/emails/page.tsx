import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { emailTemplateNames } from "@/emails/render";
import { mailTransport } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Email previews", robots: { index: false } };
export const dynamic = "force-dynamic";

export default function EmailPreviewsPage() {
  if (mailTransport() !== "mailbox") notFound();
  return (
    <div>
      <PageHeader title="Email previews" description="Every message Evently sends, rendered with its preview props." />
      <Card>
        <ul className="divide-y divide-slate-100">
          {emailTemplateNames.map((name) => (
            <li key={name} className="flex items-center justify-between py-2 text-sm">
              <span className="font-mono">{name}</span>
              <span className="space-x-3">
                <a className="text-brand-700 underline" href={`/dev/emails/${name}`}>
                  HTML
                </a>
                <a className="text-brand-700 underline" href={`/dev/emails/${name}?format=text`}>
                  Text
                </a>
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
