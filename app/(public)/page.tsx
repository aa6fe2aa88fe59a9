import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { isDomainError } from "@/lib/domain/errors";
import { listEvents, SUGGESTED_CATEGORIES, type EventPage } from "@/lib/domain/events";
import { currentCtx } from "@/lib/web/current-actor";
import { searchParam } from "@/lib/web/search-param";
import { EventCard } from "./_components/event-card";

export const metadata: Metadata = {
  title: "Upcoming events",
  description: "Find concerts, meetups, workshops and more, and book seats that are really yours.",
  openGraph: { title: "Upcoming events on Evently", type: "website" },
};

type Search = { q?: string; category?: string; from?: string; to?: string; cursor?: string };
type RawSearch = Partial<Record<keyof Search, string | string[]>>;

const PAGE_SIZE = 12;

async function loadPage(search: Search): Promise<{ page: EventPage; problem?: string }> {
  try {
    const ctx = await currentCtx();
    return { page: await listEvents({ ctx, input: { ...search, limit: PAGE_SIZE } }) };
  } catch (error) {
    // A hand-edited URL (bad date, stale cursor) gets a message, not an error page.
    if (error instanceof ZodError || isDomainError(error)) {
      return { page: { data: [], nextCursor: null }, problem: "Some filters could not be understood; check the dates and try again." };
    }
    throw error;
  }
}

/** Browse and search: a plain GET form, so it works (and is fast) without client JavaScript. */
export default async function BrowsePage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const raw = await searchParams;
  const [q = "", category = "", from = "", to = "", cursor] = (["q", "category", "from", "to", "cursor"] as const).map((name) => searchParam(raw[name]));
  const filters = { q, category, from, to };
  const filtered = Object.values(filters).some((v) => v.trim() !== "");
  const { page, problem } = await loadPage({ ...filters, cursor });
  const query = (extra: Record<string, string>) =>
    `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), ...extra })}`;

  return (
    <>
      <PageHeader title="Upcoming events" description="Find something worth going to. Times are shown in UTC." />
      <form method="get" action="/" role="search" className="mb-8 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
        <TextField label="Search" name="q" type="search" defaultValue={q} placeholder="Title, venue or description" maxLength={200} />
        <SelectField label="Category" name="category" defaultValue={category.toLowerCase()}>
          <option value="">Any category</option>
          {SUGGESTED_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c[0]!.toUpperCase() + c.slice(1)}
            </option>
          ))}
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={from} />
        <TextField label="To" name="to" type="date" defaultValue={to} />
        <Button type="submit">Search</Button>
      </form>

      {problem ? <Alert tone="warning">{problem}</Alert> : null}

      {page.data.length === 0 && !problem ? (
        <EmptyState title={filtered ? "No events match your search" : "No upcoming events yet"}>
          {filtered ? (
            <Link href="/" className="text-brand-700 underline">
              Clear the filters
            </Link>
          ) : (
            "Check back soon: organizers publish new events every week."
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Events">
          {page.data.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}

      <nav aria-label="Pagination" className="mt-8 flex justify-between text-sm">
        {cursor ? (
          <Link href={query({})} className="text-brand-700 underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={query({ cursor: page.nextCursor })} className="text-brand-700 underline" rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
