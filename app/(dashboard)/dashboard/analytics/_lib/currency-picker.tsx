import { Button } from "@/app/_components/ui/button";

/**
 * Which currency the money figures show, for organizers who sell in more than one: a plain GET
 * form, so it works without client JS. Nothing is rendered for a single currency.
 */
export function CurrencyPicker({ currencies, current }: { currencies: readonly string[]; current: string }) {
  if (currencies.length <= 1) return null;
  return (
    <form method="get" className="flex items-center gap-2 text-sm" data-testid="currency-picker">
      <label htmlFor="currency" className="text-slate-700">
        Currency
      </label>
      <select id="currency" name="currency" defaultValue={current} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
