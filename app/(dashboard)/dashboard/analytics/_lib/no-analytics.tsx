import { EmptyState, PageHeader } from "@/app/_components/ui/card";

/** What an attendee sees on an organizer page: an explanation, not an error. */
export function NoAnalytics({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Analytics are for organizers">Sales numbers appear here for the events you organize.</EmptyState>
    </>
  );
}
