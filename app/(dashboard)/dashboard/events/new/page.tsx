import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getLastEventDefaults, SUGGESTED_CATEGORIES } from "@/lib/domain/events";
import { CURRENCIES } from "@/lib/format/currency";
import { TIME_ZONES } from "@/lib/format/time-zone";
import { emptyEventForm } from "../_components/event-form-values";
import { EventForm } from "../_components/event-form";
import { organizerAccess, OrganizersOnly, VerifyToOrganize } from "../_components/organizer-access";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const { ctx, creates, verified, email } = await organizerAccess("/dashboard/events/new");
  if (!creates) return <OrganizersOnly title="New event" />;
  if (!verified) {
    return (
      <>
        <PageHeader title="New event" />
        <VerifyToOrganize email={email} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="New event" description="It is saved as a draft: nobody else sees it until you publish it." />
      <Card>
        <EventForm mode="create" initial={emptyEventForm(await getLastEventDefaults({ ctx }))} categories={SUGGESTED_CATEGORIES} timeZones={TIME_ZONES} currencies={CURRENCIES} />
      </Card>
    </>
  );
}
