import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { mailTransport } from "@/lib/mail/transport";
import { DemoForm } from "./demo-form";

export const metadata: Metadata = { title: "Jobs demo", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Shows the pipeline at work: a committed fact, a background job, an email in the dev mailbox. */
export default function JobsDemoPage() {
  if (mailTransport() !== "mailbox") notFound();
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Jobs demo"
        description="Submitting records a platform.demo_requested event in a transaction; a background job then emails a test message."
      />
      <Card>
        <DemoForm />
      </Card>
    </div>
  );
}
