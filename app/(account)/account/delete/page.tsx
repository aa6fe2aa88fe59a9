import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { requireSession } from "@/lib/web/current-actor";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Delete your account" };

export default async function DeleteAccountPage() {
  await requireSession("/account/delete");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title="Delete your account" />
      <Card>
        <div className="space-y-3 text-sm text-slate-700">
          <p>When you delete your account:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>your name, email address and password are erased, and you are signed out everywhere;</li>
            <li>your bookings stay in the organizers&apos; records as &ldquo;Deleted user&rdquo;, without your name or email;</li>
            <li>if you organise events that are still to come, cancel them first.</li>
          </ul>
          <p>
            You may want to{" "}
            <a className="text-brand-700 underline" href="/account/export" download>
              download your data
            </a>{" "}
            first. <Link className="text-brand-700 underline" href="/account">Keep my account</Link>
          </p>
        </div>
      </Card>
      <Card>
        <DeleteAccountForm />
      </Card>
    </div>
  );
}
