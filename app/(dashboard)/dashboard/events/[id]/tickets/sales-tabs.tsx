import Link from "next/link";

/** Tabs between what an event sells: its ticket types and its promo codes. */
export function SalesTabs({ eventId, current }: { eventId: string; current: "tickets" | "promo-codes" }) {
  const tabs = [
    { key: "tickets", href: `/dashboard/events/${eventId}/tickets`, label: "Ticket types" },
    { key: "promo-codes", href: `/dashboard/events/${eventId}/promo-codes`, label: "Promo codes" },
  ] as const;
  return (
    <nav aria-label="Event sales" className="mb-6 flex gap-2 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
