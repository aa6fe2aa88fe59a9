import { formatPrice } from "@/app/(public)/_components/event-format";
import type { TicketOption } from "./selection-total";

/** One ticket type: what it is, its price, and how many to take (0..max; the menu never offers more than may be ordered). */
export function TicketRow({
  option,
  currency,
  unlocked,
  max,
  value,
  onChange,
}: {
  option: TicketOption;
  currency: string;
  unlocked: boolean;
  max: number;
  value: number;
  onChange: (n: number) => void;
}) {
  const selectId = `qty-${option.id}`;
  const soldOut = option.seatsAvailable === 0;
  return (
    <li className="flex items-start justify-between gap-4 p-4" data-testid="ticket-type" data-ticket-type={option.name}>
      <div className="min-w-0 space-y-1">
        <label htmlFor={selectId} className="block font-medium text-slate-900">
          {option.name}
          {unlocked ? <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Unlocked by your code</span> : null}
        </label>
        {option.description ? <p className="text-sm text-slate-600">{option.description}</p> : null}
        <p className="text-sm text-slate-800">
          {formatPrice(option.priceCents, currency)}
          {soldOut ? <span className="ml-2 text-slate-500">· Sold out</span> : option.seatsAvailable <= 10 ? <span className="ml-2 text-amber-700">· {option.seatsAvailable} left</span> : null}
        </p>
      </div>
      <select
        id={selectId}
        name={selectId}
        value={Math.min(value, max)}
        onChange={(e) => onChange(Number(e.target.value))}
        disabled={max === 0 && value === 0}
        className="w-20 shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:bg-slate-100"
      >
        {Array.from({ length: max + 1 }, (_, n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </li>
  );
}
